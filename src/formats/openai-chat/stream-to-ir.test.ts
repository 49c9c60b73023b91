import { describe, expect, it } from 'vitest'
import { fixtureMessages, fixtureText } from '../../../test/fixtures/openai-chat/load.js'
import { ResponseAccumulator } from '../../ir/accumulate.js'
import type { StreamEvent } from '../../ir/types.js'
import { SSEParser } from '../../util/sse.js'
import type { SSEMessage } from '../types.js'
import { createStreamDecoder } from './stream-to-ir.js'

function decodeAll(messages: SSEMessage[]): StreamEvent[] {
  const decoder = createStreamDecoder()
  return [...messages.flatMap((message) => decoder.decode(message)), ...decoder.end()]
}

function accumulate(events: StreamEvent[]) {
  const accumulator = new ResponseAccumulator()
  for (const event of events) accumulator.push(event)
  return accumulator
}

/** The IR stream contract: start first, parts one after another, each closed, one terminal event. */
function expectWellFormed(events: StreamEvent[]): void {
  expect(events[0]?.type).toBe('start')
  const terminal = events.filter((event) => event.type === 'finish' || event.type === 'error')
  expect(terminal).toHaveLength(1)
  expect(events.at(-1)).toBe(terminal[0])
  let open: number | undefined
  let next = 0
  for (const event of events) {
    if (!('index' in event)) continue
    if (event.type === 'part_end') {
      expect(event.index).toBe(open)
      open = undefined
    } else if (event.index !== open) {
      expect(open).toBeUndefined()
      expect(event.index).toBe(next++)
      open = event.index
    }
  }
  if (terminal[0].type === 'finish') expect(open).toBeUndefined()
}

describe('stream decoder: fixtures assemble into the same reply', () => {
  it.each([
    {
      fixture: 'stream/openai-text.jsonl',
      content: [{ type: 'text', text: 'Hello! How can I help you today?' }],
      stopReason: 'end',
      usage: { inputTokens: 226, outputTokens: 9, cacheReadTokens: 1024, reasoningTokens: 0 },
    },
    {
      fixture: 'stream/openai-parallel-tools.jsonl',
      content: [
        { type: 'tool_call', id: 'call_Rk2yT8wQ1nLmZ4pV6xC0aBsD', name: 'get_weather', input: { city: 'Paris' } },
        { type: 'tool_call', id: 'call_Hn5uJ3eK7oPqW9rS2tY4vXzA', name: 'get_weather', input: { city: 'Tokyo' } },
      ],
      stopReason: 'tool_use',
      usage: { inputTokens: 82, outputTokens: 46, cacheReadTokens: 0, reasoningTokens: 0 },
    },
    {
      fixture: 'stream/deepseek-reasoning.jsonl',
      content: [
        { type: 'thinking', text: 'The user asks for 17 times 23. 17*20=340, 17*3=51, total 391.' },
        { type: 'text', text: '17 × 23 = **391**.' },
      ],
      stopReason: 'end',
      usage: { inputTokens: 14, outputTokens: 61, cacheReadTokens: 0, reasoningTokens: 48 },
    },
    {
      fixture: 'stream/deepseek-tool-call.jsonl',
      content: [
        { type: 'thinking', text: 'I should look up the weather in Lisbon.' },
        { type: 'tool_call', id: 'call_00_Qm3xVb8Nz2LpR5tY7wKc1HfD', name: 'get_weather', input: { city: 'Lisbon' } },
      ],
      stopReason: 'tool_use',
      usage: { inputTokens: 28, outputTokens: 57, cacheReadTokens: 384, reasoningTokens: 31 },
    },
    {
      fixture: 'stream/xai-tool-call.jsonl',
      content: [
        { type: 'thinking', text: 'The user wants the weather in Oslo. I will call the tool.' },
        { type: 'tool_call', id: 'call_51846207', name: 'get_weather', input: { city: 'Oslo' } },
      ],
      stopReason: 'tool_use',
      usage: { inputTokens: 40, outputTokens: 216, cacheReadTokens: 256, reasoningTokens: 192 },
    },
    {
      fixture: 'stream/repeated-index-zero.jsonl',
      content: [
        { type: 'tool_call', id: 'function-call-8815630497382071341', name: 'get_weather', input: { city: 'Rome' }, signature: 'CqQCAdHtim9Pq2vYzL0sig1' },
        { type: 'tool_call', id: 'function-call-8815630497382071342', name: 'get_time', input: { timezone: 'Europe/Rome' } },
      ],
      stopReason: 'tool_use',
      // Like xAI, Gemini counts thinking outside completion_tokens (71 + 38 + 72 = 181 total).
      usage: { inputTokens: 71, outputTokens: 110, reasoningTokens: 72 },
    },
    {
      fixture: 'stream/tool-index-from-one.sse',
      content: [
        { type: 'text', text: 'Let me read it.' },
        { type: 'tool_call', id: 'toolu_01Xa7Bq3Cd9Ef5Gh1Jk3Lm5N', name: 'read_file', input: { path: 'notes.md' } },
      ],
      stopReason: 'tool_use',
      usage: { inputTokens: 0, outputTokens: 0 },
    },
    {
      fixture: 'stream/openrouter-reasoning-details.sse',
      content: [
        { type: 'thinking', text: 'Two primes that sum to 10: 3+7 and 5+5.', signature: 'EqMDCkYIBxgCKkB3vQ2x9sLr8Zp1TnYwKcFhJd0Ga4mXbEoU6iR5yNq7Pe' },
        { type: 'text', text: '3 + 7 and 5 + 5.' },
      ],
      stopReason: 'end',
      usage: { inputTokens: 42, outputTokens: 64, cacheReadTokens: 0, reasoningTokens: 41 },
    },
    {
      fixture: 'stream/azure-prompt-filter.jsonl',
      content: [{ type: 'text', text: 'Copenhagen.' }],
      stopReason: 'end',
      usage: { inputTokens: 14, outputTokens: 3, cacheReadTokens: 0 },
    },
    {
      fixture: 'stream/refusal.sse',
      content: [{ type: 'text', text: "I'm sorry, but I can't help with that." }],
      stopReason: 'content_filter',
      usage: { inputTokens: 64, outputTokens: 10, reasoningTokens: 0 },
    },
    {
      fixture: 'stream/finish-length.sse',
      content: [{ type: 'text', text: 'Once upon a time' }],
      stopReason: 'max_tokens',
      usage: { inputTokens: 21, outputTokens: 4, reasoningTokens: 0 },
    },
  ])('$fixture', ({ fixture, content, stopReason, usage }) => {
    const events = decodeAll(fixtureMessages(fixture))
    expectWellFormed(events)
    const reply = accumulate(events).result()
    expect(reply.content).toEqual(content)
    expect(reply.stopReason).toBe(stopReason)
    expect(reply.usage).toEqual(usage)
  })
})

describe('stream decoder: events', () => {
  it('starts with the upstream id and model, skipping Azure’s empty prompt-filter chunk', () => {
    const [start] = decodeAll(fixtureMessages('stream/azure-prompt-filter.jsonl'))
    expect(start).toEqual({ type: 'start', id: 'chatcmpl-Dk2Pq7WzL1xA9cVbN3mR5tYeU8sHo', model: 'gpt-4o-mini-2024-07-18' })
  })

  it('emits each delta as it arrives, closing a part when the next kind begins', () => {
    const decoder = createStreamDecoder()
    const messages = fixtureMessages('stream/deepseek-tool-call.jsonl')
    const perMessage = messages.map((message) => decoder.decode(message))
    expect(perMessage[0]).toEqual([{ type: 'start', id: 'a81d3c55-0b6e-4f7a-9d12-6e3f8c0b4d17', model: 'deepseek-reasoner' }])
    expect(perMessage[1]).toEqual([{ type: 'thinking_delta', index: 0, text: 'I' }])
    expect(perMessage[10]).toEqual([
      { type: 'part_end', index: 0 },
      { type: 'tool_call_start', index: 1, id: 'call_00_Qm3xVb8Nz2LpR5tY7wKc1HfD', name: 'get_weather' },
    ])
    expect(perMessage[11]).toEqual([{ type: 'tool_call_delta', index: 1, json: '{' }])
    // The finish chunk (with usage) only records; finish goes out at [DONE].
    expect(perMessage.at(-2)).toEqual([])
    expect(perMessage.at(-1)).toEqual([
      { type: 'part_end', index: 1 },
      { type: 'finish', reason: 'tool_use', stopSequence: null, usage: { inputTokens: 28, outputTokens: 57, cacheReadTokens: 384, reasoningTokens: 31 } },
    ])
    expect(decoder.end()).toEqual([])
  })

  it('separates parallel calls by wire index', () => {
    const events = decodeAll(fixtureMessages('stream/openai-parallel-tools.jsonl'))
    expect(events.filter((event) => event.type === 'tool_call_start' || event.type === 'part_end')).toEqual([
      { type: 'tool_call_start', index: 0, id: 'call_Rk2yT8wQ1nLmZ4pV6xC0aBsD', name: 'get_weather' },
      { type: 'part_end', index: 0 },
      { type: 'tool_call_start', index: 1, id: 'call_Hn5uJ3eK7oPqW9rS2tY4vXzA', name: 'get_weather' },
      { type: 'part_end', index: 1 },
    ])
  })

  it('finishes at the end of input when a finish_reason came but [DONE] did not', () => {
    const events = decodeAll(fixtureMessages('stream/deepseek-reasoning.jsonl', { done: false }))
    expectWellFormed(events)
    expect(events.at(-1)).toMatchObject({ type: 'finish', reason: 'end', usage: { inputTokens: 14, outputTokens: 61 } })
  })

  it('turns an error payload mid-stream into an error event and stops', () => {
    const events = decodeAll(fixtureMessages('stream/error-midstream.sse'))
    expectWellFormed(events)
    const last = events.at(-1)
    expect(last?.type).toBe('error')
    if (last?.type !== 'error') return
    expect(last.error.kind).toBe('api_error')
    expect(last.error.message).toBe('The server had an error while processing your request. Sorry about that!')
    expect(last.error.upstreamType).toBe('server_error')
    expect(events.filter((event) => event.type === 'text_delta').map((event) => (event as { text: string }).text).join('')).toBe('The first three steps are')
  })

  it('reports a stream that ends without a finish_reason', () => {
    const events = decodeAll(fixtureMessages('stream/truncated.sse'))
    const last = events.at(-1)
    expect(last?.type).toBe('error')
    if (last?.type !== 'error') return
    expect(last.error.kind).toBe('bad_gateway')
    expect(last.error.message).toBe('upstream stream ended before completion')
  })

  it('reports an empty stream', () => {
    expect(createStreamDecoder().end()).toMatchObject([{ type: 'error', error: { kind: 'bad_gateway' } }])
  })

  it('treats an SSE event named error as an error, JSON or not', () => {
    expect(createStreamDecoder().decode({ event: 'error', data: 'upstream timed out' })).toMatchObject([
      { type: 'error', error: { kind: 'api_error', message: 'upstream timed out' } },
    ])
    expect(createStreamDecoder().decode({ event: 'error', data: '{"message":"Overloaded","code":503}' })).toMatchObject([
      { type: 'error', error: { kind: 'overloaded', status: 503, message: 'Overloaded' } },
    ])
  })

  it('ignores stray non-JSON data and anything after the end', () => {
    const decoder = createStreamDecoder()
    expect(decoder.decode({ data: 'keep-alive' })).toEqual([])
    decoder.decode({ data: '[DONE]' })
    expect(decoder.decode({ data: '{"id":"x","choices":[{"index":0,"delta":{"content":"late"}}]}' })).toEqual([])
  })

  it('splits OpenRouter reasoning blocks and emits encrypted ones whole', () => {
    const decoder = createStreamDecoder()
    const chunk = (delta: unknown) => ({ data: JSON.stringify({ id: 'gen-1', model: 'm', choices: [{ index: 0, delta }] }) })
    const events = [
      chunk({ reasoning: 'a', reasoning_details: [{ type: 'reasoning.text', text: 'a', index: 0 }] }),
      chunk({ reasoning_details: [{ type: 'reasoning.text', signature: 's0', index: 0 }] }),
      chunk({ reasoning_details: [{ type: 'reasoning.encrypted', data: 'enc', index: 1 }] }),
      chunk({ reasoning: 'b', reasoning_details: [{ type: 'reasoning.text', text: 'b', index: 2 }] }),
      { data: JSON.stringify({ id: 'gen-1', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }) },
      { data: '[DONE]' },
    ].flatMap((message) => decoder.decode(message))
    expectWellFormed(events)
    expect(accumulate(events).result().content).toEqual([
      { type: 'thinking', text: 'a', signature: 's0' },
      { type: 'redacted_thinking', data: 'enc' },
      { type: 'thinking', text: 'b' },
    ])
  })

  it('takes usage from Groq’s x_groq when there is no usage chunk', () => {
    const events = decodeAll([
      { data: JSON.stringify({ id: 'chatcmpl-g', model: 'llama', choices: [{ index: 0, delta: { role: 'assistant', content: 'Hi' } }] }) },
      { data: JSON.stringify({ id: 'chatcmpl-g', model: 'llama', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], x_groq: { id: 'req_1', usage: { prompt_tokens: 9, completion_tokens: 1, total_tokens: 10 } } }) },
      { data: '[DONE]' },
    ])
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'end', stopSequence: null, usage: { inputTokens: 9, outputTokens: 1 } })
  })

  it('gives the same events whatever the network slicing', () => {
    const text = fixtureText('stream/tool-index-from-one.sse')
    const whole = decodeAll(fixtureMessages('stream/tool-index-from-one.sse'))
    const parser = new SSEParser()
    const decoder = createStreamDecoder()
    const bytes = new TextEncoder().encode(text)
    const sliced: StreamEvent[] = []
    for (let i = 0; i < bytes.length; i += 7) {
      for (const message of parser.push(bytes.subarray(i, i + 7))) sliced.push(...decoder.decode(message))
    }
    for (const message of parser.end()) sliced.push(...decoder.decode(message))
    sliced.push(...decoder.end())
    expect(sliced).toEqual(whole)
  })
})
