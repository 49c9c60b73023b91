import OpenAI from 'openai'
import { describe, expect, it } from 'vitest'
import { fixtureChunks } from '../../../test/fixtures/openai-chat/load.js'
import { ResponseAccumulator } from '../../ir/accumulate.js'
import { GatewayError } from '../../ir/errors.js'
import { responseToEvents } from '../../ir/response-to-events.js'
import type { IRResponse, StreamEvent } from '../../ir/types.js'
import { SSEParser } from '../../util/sse.js'
import type { EncodeContext } from '../types.js'
import { createStreamEncoder } from './ir-to-stream.js'
import { createStreamDecoder } from './stream-to-ir.js'

function encodeAll(events: Iterable<StreamEvent>, context: EncodeContext): string {
  const encoder = createStreamEncoder(context)
  let text = ''
  for (const event of events) text += encoder.encode(event)
  return text + encoder.end()
}

/** The `data:` payloads of an SSE text, JSON-parsed (except [DONE]). */
function payloads(text: string): unknown[] {
  const parser = new SSEParser()
  return [...parser.push(text), ...parser.end()].map((message) => (message.data === '[DONE]' ? '[DONE]' : (JSON.parse(message.data) as unknown)))
}

const textReply: IRResponse = {
  id: 'msg_01Hq7Vt3Lm9XcB2nK5pR8sWe',
  model: 'claude-haiku-4-5',
  content: [{ type: 'text', text: 'Hello! How can I help?' }],
  stopReason: 'end',
  stopSequence: null,
  usage: { inputTokens: 10, outputTokens: 7, cacheReadTokens: 1200 },
}

const toolReply: IRResponse = {
  id: 'msg_01Tq8WvZ3kLmN5pR7sX9yB2c',
  model: 'claude-sonnet-4-5',
  content: [
    { type: 'thinking', text: 'Both cities, in parallel.', signature: 'EqQBCkYIBRgCIkA3' },
    { type: 'text', text: 'Checking both.' },
    { type: 'tool_call', id: 'toolu_01A', name: 'get_weather', input: { city: 'Paris' } },
    { type: 'tool_call', id: 'toolu_01B', name: 'get_weather', input: { city: 'Tokyo' } },
  ],
  stopReason: 'tool_use',
  stopSequence: null,
  usage: { inputTokens: 300, outputTokens: 80, reasoningTokens: 20 },
}

describe('stream encoder: chunks', () => {
  it('streams text like OpenAI with include_usage: role chunk, deltas, finish chunk, usage chunk, [DONE]', () => {
    const chunks = payloads(encodeAll(responseToEvents(textReply), { model: 'fast', includeUsage: true }))
    const common = { id: 'msg_01Hq7Vt3Lm9XcB2nK5pR8sWe', object: 'chat.completion.chunk', model: 'fast', system_fingerprint: null }
    const choice = (delta: unknown, finish: string | null = null) => [{ index: 0, delta, logprobs: null, finish_reason: finish }]
    expect(chunks).toEqual([
      { ...common, created: expect.any(Number), choices: choice({ role: 'assistant', content: '', refusal: null }), usage: null },
      { ...common, created: expect.any(Number), choices: choice({ content: 'Hello! ' }), usage: null },
      { ...common, created: expect.any(Number), choices: choice({ content: 'How ' }), usage: null },
      { ...common, created: expect.any(Number), choices: choice({ content: 'can ' }), usage: null },
      { ...common, created: expect.any(Number), choices: choice({ content: 'I ' }), usage: null },
      { ...common, created: expect.any(Number), choices: choice({ content: 'help?' }), usage: null },
      { ...common, created: expect.any(Number), choices: choice({}, 'stop'), usage: null },
      {
        ...common,
        created: expect.any(Number),
        choices: [],
        usage: { prompt_tokens: 1210, completion_tokens: 7, total_tokens: 1217, prompt_tokens_details: { cached_tokens: 1200 } },
      },
      '[DONE]',
    ])
    const created = new Set(chunks.filter((c) => c !== '[DONE]').map((c) => (c as { created: number }).created))
    expect(created.size).toBe(1)
  })

  it('has the same chunk fields as a recorded OpenAI stream', () => {
    const recorded = fixtureChunks('stream/openai-text.jsonl') as Array<Record<string, unknown>>
    const ours = payloads(encodeAll(responseToEvents(textReply), { model: 'fast', includeUsage: true })).slice(0, -1) as Array<Record<string, unknown>>
    const keysOf = (chunk: Record<string, unknown>) => Object.keys(chunk).filter((key) => !['service_tier', 'obfuscation'].includes(key)).sort()
    expect(keysOf(ours[0])).toEqual(keysOf(recorded[0]))
    expect(keysOf(ours.at(-1)!)).toEqual(keysOf(recorded.at(-1)!))
    expect((ours[0].choices as unknown[])[0]).toEqual((recorded[0].choices as unknown[])[0])
  })

  it('leaves usage out entirely without include_usage', () => {
    const chunks = payloads(encodeAll(responseToEvents(textReply), { model: 'fast' })).slice(0, -1) as Array<Record<string, unknown>>
    expect(chunks.every((chunk) => !('usage' in chunk))).toBe(true)
    expect(chunks.at(-1)?.choices).toEqual([{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }])
  })

  it('streams thinking, then text, then tool calls numbered from 0', () => {
    const deltas = payloads(encodeAll(responseToEvents(toolReply), { model: 'smart' }))
      .slice(0, -1)
      .map((chunk) => (chunk as { choices: Array<{ delta: unknown; finish_reason: unknown }> }).choices[0])
    expect(deltas).toEqual([
      { index: 0, delta: { role: 'assistant', content: '', refusal: null }, logprobs: null, finish_reason: null },
      { index: 0, delta: { reasoning_content: 'Both ' }, logprobs: null, finish_reason: null },
      { index: 0, delta: { reasoning_content: 'cities, ' }, logprobs: null, finish_reason: null },
      { index: 0, delta: { reasoning_content: 'in ' }, logprobs: null, finish_reason: null },
      { index: 0, delta: { reasoning_content: 'parallel.' }, logprobs: null, finish_reason: null },
      {
        index: 0,
        delta: { reasoning_details: [{ type: 'reasoning.text', text: 'Both cities, in parallel.', signature: 'EqQBCkYIBRgCIkA3', index: 0 }] },
        logprobs: null,
        finish_reason: null,
      },
      { index: 0, delta: { content: 'Checking ' }, logprobs: null, finish_reason: null },
      { index: 0, delta: { content: 'both.' }, logprobs: null, finish_reason: null },
      {
        index: 0,
        delta: { tool_calls: [{ index: 0, id: 'toolu_01A', type: 'function', function: { name: 'get_weather', arguments: '' } }] },
        logprobs: null,
        finish_reason: null,
      },
      { index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: '{"city":"Paris"}' } }] }, logprobs: null, finish_reason: null },
      {
        index: 0,
        delta: { tool_calls: [{ index: 1, id: 'toolu_01B', type: 'function', function: { name: 'get_weather', arguments: '' } }] },
        logprobs: null,
        finish_reason: null,
      },
      { index: 0, delta: { tool_calls: [{ index: 1, function: { arguments: '{"city":"Tokyo"}' } }] }, logprobs: null, finish_reason: null },
      { index: 0, delta: {}, logprobs: null, finish_reason: 'tool_calls' },
    ])
  })

  it('sends redacted thinking as an encrypted reasoning_details entry', () => {
    const events: StreamEvent[] = [
      { type: 'start', id: 'msg_1', model: 'x' },
      { type: 'redacted_thinking', index: 0, data: 'EmwKAhgBEgy' },
      { type: 'part_end', index: 0 },
      { type: 'finish', reason: 'end', usage: { inputTokens: 1, outputTokens: 1 } },
    ]
    const [, redacted] = payloads(encodeAll(events, { model: 'm' })) as Array<{ choices: Array<{ delta: unknown }> }>
    expect(redacted.choices[0].delta).toEqual({ reasoning_details: [{ type: 'reasoning.encrypted', data: 'EmwKAhgBEgy', index: 0 }] })
  })

  it.each([
    { ended: 'by part_end', events: [{ type: 'part_end', index: 0 }] },
    { ended: 'only by finish', events: [] },
  ] as Array<{ ended: string; events: StreamEvent[] }>)('gives a tool call that had no argument fragments "{}" ($ended)', ({ events }) => {
    const all: StreamEvent[] = [
      { type: 'start', id: 'msg_1', model: 'x' },
      { type: 'tool_call_start', index: 0, id: 'toolu_01QE', name: 'list_issues' },
      { type: 'tool_call_delta', index: 0, json: '' },
      ...events,
      { type: 'finish', reason: 'tool_use', usage: { inputTokens: 1, outputTokens: 1 } },
    ]
    const deltas = (payloads(encodeAll(all, { model: 'm' })) as Array<{ choices?: Array<{ delta: { tool_calls?: unknown[] } }> }>).flatMap(
      (chunk) => chunk.choices?.[0]?.delta.tool_calls ?? [],
    )
    expect(deltas).toEqual([
      { index: 0, id: 'toolu_01QE', type: 'function', function: { name: 'list_issues', arguments: '' } },
      { index: 0, function: { arguments: '{}' } },
    ])
  })

  it('adds no "{}" to a tool call that had arguments', () => {
    const events: StreamEvent[] = [
      { type: 'tool_call_start', index: 0, id: 'call_1', name: 'f' },
      { type: 'tool_call_delta', index: 0, json: '{"a":1}' },
      { type: 'part_end', index: 0 },
      { type: 'finish', reason: 'tool_use', usage: { inputTokens: 1, outputTokens: 1 } },
    ]
    expect(encodeAll(events, { model: 'm' })).not.toContain('"arguments":"{}"')
  })

  it('renders an error event as an OpenAI in-stream error', () => {
    const encoder = createStreamEncoder({ model: 'm' })
    encoder.encode({ type: 'start', id: 'x', model: 'm' })
    const text = encoder.encode({ type: 'error', error: new GatewayError('overloaded', 'Overloaded') })
    expect(payloads(text)).toEqual([{ error: { message: 'Overloaded', type: 'server_error', param: null, code: null } }])
  })

  it('sends the role chunk even when the first event is content, with a made-up id', () => {
    const encoder = createStreamEncoder({ model: 'm' })
    const [first, second] = payloads(encoder.encode({ type: 'text_delta', index: 0, text: 'hi' })) as Array<{ id: string; choices: Array<{ delta: unknown }> }>
    expect(first.choices[0].delta).toEqual({ role: 'assistant', content: '', refusal: null })
    expect(second.choices[0].delta).toEqual({ content: 'hi' })
    expect(first.id).toMatch(/^chatcmpl-/)
    expect(second.id).toBe(first.id)
  })
})

describe('stream encoder: the decoder reads back what the encoder writes', () => {
  it.each([textReply, toolReply])('$id', (reply) => {
    const text = encodeAll(responseToEvents(reply), { model: 'm', includeUsage: true })
    const parser = new SSEParser()
    const decoder = createStreamDecoder()
    const accumulator = new ResponseAccumulator()
    for (const message of [...parser.push(text), ...parser.end()]) for (const event of decoder.decode(message)) accumulator.push(event)
    for (const event of decoder.end()) accumulator.push(event)
    const back = accumulator.result()
    expect(back.content).toEqual(reply.content)
    expect(back.stopReason).toBe(reply.stopReason)
    expect(back.usage).toMatchObject({ outputTokens: reply.usage.outputTokens, inputTokens: reply.usage.inputTokens })
  })
})

describe('stream encoder: the official openai SDK accepts the stream', () => {
  function clientServing(sse: string): OpenAI {
    return new OpenAI({
      apiKey: 'test-key',
      baseURL: 'http://gateway.test/v1',
      maxRetries: 0,
      fetch: async () => new Response(sse, { status: 200, headers: { 'content-type': 'text/event-stream' } }),
    })
  }

  it('stream helper: finalChatCompletion has the text, tool calls and usage', async () => {
    const sse = encodeAll(responseToEvents(toolReply), { model: 'smart', includeUsage: true })
    const stream = clientServing(sse).chat.completions.stream({
      model: 'smart',
      messages: [{ role: 'user', content: 'Weather in Paris and Tokyo?' }],
      stream_options: { include_usage: true },
    })
    const argumentsDone: string[] = []
    stream.on('tool_calls.function.arguments.done', (event) => argumentsDone.push(event.arguments))
    const completion = await stream.finalChatCompletion()
    expect(completion.id).toBe('msg_01Tq8WvZ3kLmN5pR7sX9yB2c')
    expect(completion.model).toBe('smart')
    const choice = completion.choices[0]
    expect(choice.finish_reason).toBe('tool_calls')
    expect(choice.message.content).toBe('Checking both.')
    expect(choice.message.tool_calls).toEqual([
      { id: 'toolu_01A', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
      { id: 'toolu_01B', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Tokyo"}' } },
    ])
    expect(argumentsDone).toEqual(['{"city":"Paris"}', '{"city":"Tokyo"}'])
    // The SDK keeps the last reasoning_details delta, which holds the whole signed block.
    expect((choice.message as unknown as { reasoning_details: unknown }).reasoning_details).toEqual([
      { type: 'reasoning.text', text: 'Both cities, in parallel.', signature: 'EqQBCkYIBRgCIkA3', index: 0 },
    ])
    expect(completion.usage).toEqual({ prompt_tokens: 300, completion_tokens: 80, total_tokens: 380, prompt_tokens_details: { cached_tokens: 0 }, completion_tokens_details: { reasoning_tokens: 20 } })
  })

  it('create({stream: true}) yields every chunk and the content adds up', async () => {
    const sse = encodeAll(responseToEvents(textReply), { model: 'fast' })
    const stream = await clientServing(sse).chat.completions.create({ model: 'fast', messages: [{ role: 'user', content: 'hi' }], stream: true })
    let text = ''
    let finish: string | null = null
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? ''
      finish = chunk.choices[0]?.finish_reason ?? finish
    }
    expect(text).toBe('Hello! How can I help?')
    expect(finish).toBe('stop')
  })

  it('an in-stream error reaches the SDK as an APIError with the message', async () => {
    const encoder = createStreamEncoder({ model: 'fast' })
    const sse =
      encoder.encode({ type: 'start', id: 'x', model: 'm' }) +
      encoder.encode({ type: 'text_delta', index: 0, text: 'partial' }) +
      encoder.encode({ type: 'error', error: new GatewayError('overloaded', 'Upstream overloaded') })
    const stream = await clientServing(sse).chat.completions.create({ model: 'fast', messages: [{ role: 'user', content: 'hi' }], stream: true })
    await expect(async () => {
      for await (const _chunk of stream) {
        // drain
      }
    }).rejects.toThrow('Upstream overloaded')
  })
})
