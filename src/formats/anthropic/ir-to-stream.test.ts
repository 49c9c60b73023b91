import Anthropic from '@anthropic-ai/sdk'
import { describe, expect, it } from 'vitest'
import { fixtureText } from '../../../test/fixtures/anthropic/load.js'
import { ResponseAccumulator } from '../../ir/accumulate.js'
import { GatewayError } from '../../ir/errors.js'
import type { StreamEvent } from '../../ir/types.js'
import { SSEParser } from '../../util/sse.js'
import { responseFromIR } from './ir-to-response.js'
import { createStreamEncoder } from './ir-to-stream.js'
import { createStreamDecoder } from './stream-to-ir.js'

const context = { model: 'claude-sonnet-4-6' }
const SIGNATURE = 'EqQBCkgIChABGAIiQLr3mX0c8vJz1hN5kqTgP2sWfYb7uE4dRaLo9nHiC6xMjK3wQeZtV0pIyUoSgDlA8cBfN2hJ5kE7rTq4sWmY1vUS/+=='

function encode(events: StreamEvent[]): string {
  const encoder = createStreamEncoder(context)
  return events.map((event) => encoder.encode(event)).join('') + encoder.end()
}

/** The official SDK's MessageStream, reading `sse` as if the gateway had sent it. */
function sdkStream(sse: string) {
  const client = new Anthropic({
    apiKey: 'test-key',
    baseURL: 'http://gateway.test',
    maxRetries: 0,
    fetch: async () => new Response(sse, { status: 200, headers: { 'content-type': 'text/event-stream' } }),
  })
  return client.messages.stream({ model: context.model, max_tokens: 1024, messages: [{ role: 'user', content: 'hi' }] })
}

function decodeFixture(file: string): StreamEvent[] {
  const parser = new SSEParser()
  const decoder = createStreamDecoder()
  const messages = [...parser.push(fixtureText(`streams/${file}`)), ...parser.end()]
  return [...messages.flatMap((m) => decoder.decode(m)), ...decoder.end()]
}

/** A translated stream (e.g. from an OpenAI-type provider): thinking, text, two tool calls, one without arguments. */
const translated: StreamEvent[] = [
  { type: 'start', id: 'chatcmpl-AbC123', model: 'deepseek-reasoner', usage: { inputTokens: 120 } },
  { type: 'thinking_delta', index: 0, text: 'Two lookups' },
  { type: 'thinking_delta', index: 0, text: ' are needed.' },
  { type: 'signature', index: 0, signature: SIGNATURE.slice(0, 40) },
  { type: 'signature', index: 0, signature: SIGNATURE.slice(40) },
  { type: 'part_end', index: 0 },
  { type: 'text_delta', index: 1, text: 'Checking ' },
  { type: 'text_delta', index: 1, text: 'both.' },
  // no part_end for the text: the next part closes it
  { type: 'tool_call_start', index: 2, id: 'call_9f8e7d', name: 'get_weather' },
  { type: 'tool_call_delta', index: 2, json: '{"city":' },
  { type: 'tool_call_delta', index: 2, json: '"Paris"}' },
  { type: 'part_end', index: 2 },
  { type: 'tool_call_start', index: 3, id: 'call_1a2b3c', name: 'list_cities' },
  { type: 'part_end', index: 3 },
  { type: 'usage', usage: { cacheReadTokens: 64 } },
  { type: 'finish', reason: 'tool_use', stopSequence: null, usage: { inputTokens: 120, outputTokens: 57 } },
]

describe('Anthropic stream encoder', () => {
  it('writes a text stream shaped like the API', () => {
    const sse = encode([
      { type: 'start', id: 'msg_01Hq7nW3YtKc2pVd9sLm4RbE', model: 'claude-sonnet-4-5-20250929', usage: { inputTokens: 14, outputTokens: 1 } },
      { type: 'text_delta', index: 0, text: '' },
      { type: 'text_delta', index: 0, text: 'Hi' },
      { type: 'text_delta', index: 0, text: ' there!' },
      { type: 'part_end', index: 0 },
      { type: 'finish', reason: 'end', stopSequence: null, usage: { inputTokens: 14, outputTokens: 5 } },
    ])
    const frames = (name: string, data: object) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`
    expect(sse).toBe(
      [
        frames('message_start', {
          type: 'message_start',
          message: {
            id: 'msg_01Hq7nW3YtKc2pVd9sLm4RbE',
            type: 'message',
            role: 'assistant',
            model: 'claude-sonnet-4-6',
            content: [],
            stop_reason: null,
            stop_sequence: null,
            usage: { input_tokens: 14, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 1 },
          },
        }),
        frames('ping', { type: 'ping' }),
        frames('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }),
        frames('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hi' } }),
        frames('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: ' there!' } }),
        frames('content_block_stop', { type: 'content_block_stop', index: 0 }),
        frames('message_delta', {
          type: 'message_delta',
          delta: { stop_reason: 'end_turn', stop_sequence: null },
          usage: { input_tokens: 14, output_tokens: 5 },
        }),
        frames('message_stop', { type: 'message_stop' }),
      ].join(''),
    )
  })

  it('the SDK assembles a translated stream into the expected Message', async () => {
    const message = await sdkStream(encode(translated)).finalMessage()
    expect(message.id).toMatch(/^msg_/)
    expect(message.content).toEqual([
      { type: 'thinking', thinking: 'Two lookups are needed.', signature: SIGNATURE },
      { type: 'text', text: 'Checking both.' },
      { type: 'tool_use', id: 'call_9f8e7d', name: 'get_weather', input: { city: 'Paris' } },
      { type: 'tool_use', id: 'call_1a2b3c', name: 'list_cities', input: {} },
    ])
    expect(message.stop_reason).toBe('tool_use')
    expect(message.usage).toMatchObject({ input_tokens: 120, cache_read_input_tokens: 64, output_tokens: 57 })
  })

  it('sends a split signature as one signature_delta, right before the block stops', () => {
    const sse = encode(translated)
    expect(sse.match(/signature_delta/g)).toHaveLength(1)
    expect(sse).toContain(`"signature":"${SIGNATURE}"}}\n\nevent: content_block_stop\ndata: {"type":"content_block_stop","index":0}`)
  })

  it.each([
    'text.sse',
    'tool-use-parallel.sse',
    'tool-no-args.sse',
    'thinking.sse',
    'redacted-thinking.sse',
    'refusal.sse',
    'server-tools-cache.sse',
    'message-delta-input-tokens.sse',
    'duplicate-message-start.sse',
    'stop-sequence.sse',
  ])('%s: Anthropic stream -> IR -> Anthropic stream, read by the SDK', async (file) => {
    const events = decodeFixture(file)
    const accumulator = new ResponseAccumulator()
    for (const event of events) accumulator.push(event)
    const expected = responseFromIR(accumulator.result(), context)
    const message = await sdkStream(encode(events)).finalMessage()
    expect(message).toMatchObject({ ...expected, usage: expect.objectContaining({ output_tokens: expected.usage.output_tokens, input_tokens: expected.usage.input_tokens }) })
  })

  it('an error event mid-stream reaches the SDK as an APIError of the upstream type', async () => {
    const sse = encode(decodeFixture('error-mid-stream.sse'))
    expect(sse.endsWith('event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n')).toBe(true)
    const error = await sdkStream(sse).finalMessage().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Anthropic.APIError)
    expect((error as { error: unknown }).error).toMatchObject({ error: { type: 'overloaded_error', message: 'Overloaded' } })
  })

  it('starts the message itself when the first event is not a start, and writes nothing after finishing', () => {
    const encoder = createStreamEncoder(context)
    const first = encoder.encode({ type: 'text_delta', index: 0, text: 'Hello' })
    expect(first.startsWith('event: message_start\n')).toBe(true)
    expect(first).toContain('"id":"msg_01')
    encoder.encode({ type: 'finish', reason: 'max_tokens', usage: { inputTokens: 3, outputTokens: 1 } })
    expect(encoder.encode({ type: 'text_delta', index: 0, text: 'late' })).toBe('')
    expect(encoder.encode({ type: 'error', error: new GatewayError('api_error', 'late') })).toBe('')
  })

  it('ignores signatures on text and tool calls (Gemini-style) and deltas for closed tool calls', () => {
    const sse = encode([
      { type: 'start', id: 'gen-1', model: 'gemini-2.5-pro' },
      { type: 'text_delta', index: 0, text: 'Hi' },
      { type: 'signature', index: 0, signature: 'CiQB0e2Kb' },
      { type: 'part_end', index: 0 },
      { type: 'tool_call_start', index: 1, id: 'call_1', name: 'f' },
      { type: 'signature', index: 1, signature: 'CiQB0e2Kc' },
      { type: 'part_end', index: 1 },
      { type: 'tool_call_delta', index: 1, json: '{}' },
      { type: 'signature', index: 0, signature: 'late' },
      { type: 'finish', reason: 'tool_use', usage: { inputTokens: 1, outputTokens: 2 } },
    ])
    expect(sse).not.toContain('signature')
    expect(sse).not.toContain('input_json_delta')
    expect(sse.match(/event: content_block_start/g)).toHaveLength(2)
  })
})
