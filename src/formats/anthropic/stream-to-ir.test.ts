import { describe, expect, it } from 'vitest'
import { fixtureText } from '../../../test/fixtures/anthropic/load.js'
import { ResponseAccumulator } from '../../ir/accumulate.js'
import { GatewayError } from '../../ir/errors.js'
import type { StreamEvent } from '../../ir/types.js'
import { SSEParser } from '../../util/sse.js'
import { createStreamDecoder, kindForAnthropicType } from './stream-to-ir.js'

/** Decode a recorded-style SSE fixture, fed in small uneven slices like a network would. */
function decode(file: string): StreamEvent[] {
  const text = fixtureText(`streams/${file}`)
  const parser = new SSEParser()
  const decoder = createStreamDecoder()
  const events: StreamEvent[] = []
  for (let i = 0; i < text.length; i += 37) {
    for (const message of parser.push(text.slice(i, i + 37))) events.push(...decoder.decode(message))
  }
  for (const message of parser.end()) events.push(...decoder.decode(message))
  events.push(...decoder.end())
  return events
}

function assemble(events: StreamEvent[]) {
  const accumulator = new ResponseAccumulator()
  for (const event of events) accumulator.push(event)
  return accumulator
}

describe('Anthropic stream decoder', () => {
  it('text', () => {
    const events = decode('text.sse')
    expect(events[0]).toEqual({ type: 'start', id: 'msg_01Hq7nW3YtKc2pVd9sLm4RbE', model: 'claude-sonnet-4-5-20250929', usage: { inputTokens: 14, outputTokens: 1, cacheReadTokens: 0, cacheWriteTokens: 0 } })
    expect(events.slice(1, 4)).toEqual([
      { type: 'text_delta', index: 0, text: '' },
      { type: 'text_delta', index: 0, text: 'Hi' },
      { type: 'text_delta', index: 0, text: " there! I'm doing" },
    ])
    expect(events.slice(-2)).toEqual([
      { type: 'part_end', index: 0 },
      { type: 'finish', reason: 'end', stopSequence: null, usage: { inputTokens: 14, outputTokens: 21, cacheReadTokens: 0, cacheWriteTokens: 0 } },
    ])
  })

  it('parallel tool use streams arguments per index', () => {
    const events = decode('tool-use-parallel.sse')
    expect(events.filter((e) => e.type === 'tool_call_start')).toEqual([
      { type: 'tool_call_start', index: 1, id: 'toolu_01Ab3CdE5fGh7IjK9LmN1oPq', name: 'get_weather' },
      { type: 'tool_call_start', index: 2, id: 'toolu_01Rs3TuV5wXy7Za9Bc1De3Fg', name: 'get_weather' },
    ])
    // Empty partial_json deltas are not passed on.
    expect(events.filter((e) => e.type === 'tool_call_delta' && e.json === '')).toEqual([])
    const result = assemble(events).result()
    expect(result.stopReason).toBe('tool_use')
    expect(result.content.slice(1)).toEqual([
      { type: 'tool_call', id: 'toolu_01Ab3CdE5fGh7IjK9LmN1oPq', name: 'get_weather', input: { city: 'Paris', unit: 'celsius' } },
      { type: 'tool_call', id: 'toolu_01Rs3TuV5wXy7Za9Bc1De3Fg', name: 'get_weather', input: { city: 'Tokyo', unit: 'celsius' } },
    ])
  })

  it('a tool without arguments', () => {
    const result = assemble(decode('tool-no-args.sse')).result()
    expect(result.content).toEqual([
      { type: 'text', text: 'Refreshing the issue list now.' },
      { type: 'tool_call', id: 'toolu_01Xy2Zw3Vu4Ts5Rq6Po7Nm8L', name: 'refreshIssueList', input: {} },
    ])
  })

  it('thinking with its signature, byte for byte', () => {
    const events = decode('thinking.sse')
    const signature = events.find((e) => e.type === 'signature')
    expect(signature).toEqual({ type: 'signature', index: 0, signature: expect.stringMatching(/^EqQBCkgI.*GgE=$/) })
    expect(fixtureText('streams/thinking.sse')).toContain(JSON.stringify((signature as { signature: string }).signature))
    const result = assemble(events).result()
    expect(result.content).toEqual([
      { type: 'thinking', text: 'The running total was 740. Dividing by 4:\n\n740 ÷ 4 = 185', signature: (signature as { signature: string }).signature },
      { type: 'text', text: '740 ÷ 4 = 185' },
    ])
  })

  it('redacted thinking', () => {
    const events = decode('redacted-thinking.sse')
    expect(events[1]).toEqual({ type: 'redacted_thinking', index: 0, data: expect.stringMatching(/^EmwKAhgB/) })
    const result = assemble(events).result()
    expect(result.content.map((p) => p.type)).toEqual(['redacted_thinking', 'thinking', 'text'])
    // message_delta carried only output_tokens: input comes from message_start.
    expect(result.usage).toEqual({ inputTokens: 92, outputTokens: 117, cacheReadTokens: 0, cacheWriteTokens: 0 })
  })

  it('refusal without content', () => {
    const events = decode('refusal.sse')
    expect(events.map((e) => e.type)).toEqual(['start', 'finish'])
    expect(events[1]).toMatchObject({ reason: 'content_filter', usage: { inputTokens: 19, outputTokens: 6 } })
  })

  it('skips server tool blocks and renumbers the rest; reports cache usage', () => {
    const events = decode('server-tools-cache.sse')
    const indices = events.flatMap((e) => ('index' in e ? [e.index] : []))
    expect(new Set(indices)).toEqual(new Set([0]))
    const result = assemble(events).result()
    expect(result.content).toEqual([{ type: 'text', text: 'Node.js 20 was released on 18 April 2023.' }])
    expect(result.usage).toEqual({ inputTokens: 7, outputTokens: 142, cacheWriteTokens: 3310, cacheReadTokens: 5840, reasoningTokens: 0 })
  })

  it('message_delta input_tokens overwrite message_start', () => {
    const finish = decode('message-delta-input-tokens.sse').at(-1)
    expect(finish).toEqual({ type: 'finish', reason: 'end', stopSequence: null, usage: { inputTokens: 57, outputTokens: 3 } })
  })

  it('an error event mid-stream', () => {
    const events = decode('error-mid-stream.sse')
    const last = events.at(-1)
    expect(last?.type).toBe('error')
    const error = (last as { error: GatewayError }).error
    expect(error).toBeInstanceOf(GatewayError)
    expect(error).toMatchObject({ kind: 'overloaded', status: 529, message: 'Overloaded', upstreamType: 'overloaded_error', upstreamFormat: 'anthropic' })
    expect(events.filter((e) => e.type === 'error')).toHaveLength(1)
  })

  it('a stream cut before message_stop ends with a bad_gateway error', () => {
    const events = decode('no-message-stop.sse')
    expect(events.filter((e) => e.type === 'text_delta').map((e) => (e as { text: string }).text).join('')).toBe('The answer is forty')
    expect(events.at(-1)).toMatchObject({ type: 'error', error: { kind: 'bad_gateway', message: 'upstream stream ended before completion' } })
  })

  it('a repeated message_start is ignored', () => {
    const events = decode('duplicate-message-start.sse')
    expect(events.filter((e) => e.type === 'start')).toHaveLength(1)
    expect(assemble(events).result()).toMatchObject({ content: [{ type: 'text', text: 'Hello, gateway!' }], usage: { inputTokens: 17, outputTokens: 9 } })
  })

  it('a stop sequence', () => {
    expect(decode('stop-sequence.sse').at(-1)).toMatchObject({ type: 'finish', reason: 'stop_sequence', stopSequence: '5' })
  })

  it('a tool_use that arrives whole in content_block_start still delivers its input', () => {
    const decoder = createStreamDecoder()
    const messages = [
      { type: 'message_start', message: { id: 'msg_1', model: 'm', usage: { input_tokens: 1, output_tokens: 1 } } },
      { type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: 'toolu_1', name: 'lookup', input: { q: 'x' } } },
      { type: 'content_block_stop', index: 0 },
      { type: 'message_delta', delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { output_tokens: 5 } },
      { type: 'message_stop' },
    ]
    const events = messages.flatMap((m) => decoder.decode({ event: m.type, data: JSON.stringify(m) }))
    expect(assemble(events).result().content).toEqual([{ type: 'tool_call', id: 'toolu_1', name: 'lookup', input: { q: 'x' } }])
  })

  it('unreadable data is a bad_gateway error, and nothing follows an error', () => {
    const decoder = createStreamDecoder()
    expect(decoder.decode({ event: 'message_start', data: '{not json' })).toMatchObject([{ type: 'error', error: { kind: 'bad_gateway' } }])
    expect(decoder.decode({ event: 'message_stop', data: '{"type":"message_stop"}' })).toEqual([])
    expect(decoder.end()).toEqual([])
  })
})

describe('kindForAnthropicType', () => {
  it.each([
    ['overloaded_error', 'overloaded'],
    ['rate_limit_error', 'rate_limit'],
    ['invalid_request_error', 'invalid_request'],
    ['timeout_error', 'timeout'],
    ['api_error', 'api_error'],
    ['brand_new_error', 'api_error'],
    [undefined, 'api_error'],
  ])('%s -> %s', (type, kind) => {
    expect(kindForAnthropicType(type)).toBe(kind)
  })
})
