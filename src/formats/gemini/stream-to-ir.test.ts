import { describe, expect, it } from 'vitest'
import { fixtureSse } from '../../../test/fixtures/gemini/load.js'
import type { GatewayError } from '../../ir/errors.js'
import type { StreamEvent } from '../../ir/types.js'
import type { SSEMessage } from '../types.js'
import { createStreamDecoder } from './stream-to-ir.js'

function decodeAll(messages: SSEMessage[]): StreamEvent[] {
  const decoder = createStreamDecoder()
  return [...messages.flatMap((message) => decoder.decode(message)), ...decoder.end()]
}

function decodeFixture(name: string): StreamEvent[] {
  return decodeAll(fixtureSse(name))
}

/** The event types in order, with the part index where there is one: `text_delta@0`. */
function shape(events: StreamEvent[]): string[] {
  return events.map((event) => ('index' in event ? `${event.type}@${event.index}` : event.type))
}

/** Each tool call's concatenated argument JSON, parsed. */
function toolArguments(events: StreamEvent[]): Record<string, unknown>[] {
  const byIndex = new Map<number, string>()
  for (const event of events) {
    if (event.type === 'tool_call_start') byIndex.set(event.index, '')
    if (event.type === 'tool_call_delta') byIndex.set(event.index, byIndex.get(event.index) + event.json)
  }
  return [...byIndex.values()].map((json) => JSON.parse(json))
}

function only<T extends StreamEvent['type']>(events: StreamEvent[], type: T): Array<Extract<StreamEvent, { type: T }>> {
  return events.filter((event): event is Extract<StreamEvent, { type: T }> => event.type === type)
}

function lastError(events: StreamEvent[]): GatewayError {
  const event = events.at(-1)
  if (event?.type !== 'error') throw new Error(`expected an error event, got ${event?.type}`)
  return event.error
}

describe('Gemini stream decoding of recorded-style streams', () => {
  it('text: deltas on one part, the trailing signature-only chunk signs it, cached tokens split out', () => {
    const events = decodeFixture('text-gemini3.sse')
    expect(shape(events)).toEqual(['start', 'text_delta@0', 'text_delta@0', 'signature@0', 'part_end@0', 'finish'])
    expect(events[0]).toEqual({
      type: 'start',
      id: 'bT5vaZ-LKr2NxN8PkdK1oQk',
      model: 'gemini-3-flash-preview',
      usage: { inputTokens: 262, cacheReadTokens: 2048 },
    })
    expect(only(events, 'text_delta').map((e) => e.text).join('')).toBe('Paris is the capital of France. It sits on the Seine.')
    expect(only(events, 'signature')[0].signature).toMatch(/^Eo/)
    expect(events.at(-1)).toEqual({
      type: 'finish',
      reason: 'end',
      stopSequence: null,
      usage: { inputTokens: 262, outputTokens: 110, cacheReadTokens: 2048, reasoningTokens: 96 },
    })
  })

  it('gemini-3 tool call: whole call with its signature (on the start too), STOP becomes tool_use', () => {
    const events = decodeFixture('tool-call-gemini3.sse')
    expect(shape(events)).toEqual(['start', 'tool_call_start@0', 'signature@0', 'tool_call_delta@0', 'part_end@0', 'finish'])
    const signature = (only(events, 'signature')[0] as { signature: string }).signature
    expect(only(events, 'tool_call_start')[0]).toEqual({
      type: 'tool_call_start',
      index: 0,
      id: 'call_n0BvafbqAd_Rxs0P8Ka0uAo_0',
      name: 'get_weather',
      signature,
    })
    expect(toolArguments(events)).toEqual([{ city: 'Lisbon', unit: 'celsius' }])
    expect(events.at(-1)).toMatchObject({ type: 'finish', reason: 'tool_use' })
  })

  it('thought parts become thinking, then text gets a new part that takes the signature', () => {
    const events = decodeFixture('reasoning-thoughts.sse')
    expect(shape(events)).toEqual([
      'start',
      'thinking_delta@0',
      'thinking_delta@0',
      'part_end@0',
      'text_delta@1',
      'signature@1',
      'part_end@1',
      'finish',
    ])
    expect(events.at(-1)).toMatchObject({ reason: 'end', usage: { inputTokens: 12, outputTokens: 313, reasoningTokens: 302 } })
  })

  it('no-args and streamed calls: {} for an argument-less call, pieces joined for willContinue calls', () => {
    const events = decodeFixture('no-args-tool-call.sse')
    expect(only(events, 'tool_call_start').map((e) => [e.index, e.name])).toEqual([
      [1, 'list_tickets'],
      [2, 'get_ticket'],
      [3, 'get_ticket'],
    ])
    expect(toolArguments(events)).toEqual([{}, { id: 'T-7' }, { id: 'T-9' }])
    expect(only(events, 'signature').map((e) => e.index)).toEqual([1])
    expect(only(events, 'part_end').map((e) => e.index)).toEqual([0, 1, 2, 3])
    // The usage-less chunks (trafficType only) do not wipe the final counts.
    expect(events.at(-1)).toMatchObject({ reason: 'tool_use', usage: { inputTokens: 204, outputTokens: 198 } })
  })

  it('partialArgs: strings in pieces, numbers, booleans, null and nested arrays build valid JSON', () => {
    const events = decodeFixture('tool-call-arguments.sse')
    expect(toolArguments(events)).toEqual([
      {
        destination: 'San Francisco "SFO"',
        nights: 3,
        refundable: false,
        travellers: [{ name: 'Ada', age: 36 }, { name: 'Alan' }],
        notes: null,
      },
      { city: 'San Francisco' },
    ])
    // Streamed: the first call's arguments arrive in several deltas, not one.
    expect(only(events, 'tool_call_delta').filter((e) => e.index === 0).length).toBeGreaterThan(5)
    expect(shape(events).slice(-3)).toEqual(['tool_call_delta@1', 'part_end@1', 'finish'])
  })

  it('a blocked prompt is an error event, with no start before it', () => {
    const events = decodeFixture('blocked-prompt.sse')
    expect(shape(events)).toEqual(['error'])
    const error = lastError(events)
    expect(error.kind).toBe('invalid_request')
    expect(error.message).toBe('prompt blocked by Gemini: SAFETY')
    expect(error.code).toBe('content_filter')
  })

  it('a SAFETY finish closes the text and reports content_filter', () => {
    const events = decodeFixture('safety-finish.sse')
    expect(shape(events)).toEqual(['start', 'text_delta@0', 'part_end@0', 'finish'])
    expect(events.at(-1)).toMatchObject({ reason: 'content_filter' })
  })

  it('an error envelope mid-stream becomes an error event and ends decoding', () => {
    const events = decodeFixture('error-mid-stream.sse')
    expect(shape(events)).toEqual(['start', 'text_delta@0', 'error'])
    const error = lastError(events)
    expect(error.kind).toBe('overloaded')
    expect(error.status).toBe(503)
    expect(error.upstreamType).toBe('UNAVAILABLE')
    expect(error.message).toBe('The model is overloaded. Please try again later.')
  })

  it('a stream that ends without a finishReason ends with a bad_gateway error', () => {
    const events = decodeFixture('no-finish.sse')
    expect(shape(events)).toEqual(['start', 'text_delta@0', 'text_delta@0', 'error'])
    const error = lastError(events)
    expect(error.kind).toBe('bad_gateway')
    expect(error.message).toBe('upstream stream ended before completion')
  })
})

describe('Gemini stream decoding edge cases', () => {
  const chunk = (parts: unknown[], extra: Record<string, unknown> = {}): SSEMessage => ({
    data: JSON.stringify({
      candidates: [{ content: { role: 'model', parts }, index: 0, ...extra }],
      modelVersion: 'gemini-2.5-flash',
      responseId: 'r1',
    }),
  })

  it.each([
    ['signature after a signed part opens an empty thinking part', [{ text: 'a', thoughtSignature: 's1' }, { text: '', thoughtSignature: 's2' }], ['text_delta@0', 'signature@0', 'part_end@0', 'thinking_delta@1', 'signature@1', 'part_end@1']],
    ['text after a signed text part starts a new part', [{ text: 'a', thoughtSignature: 's1' }, { text: 'b' }], ['text_delta@0', 'signature@0', 'part_end@0', 'text_delta@1', 'part_end@1']],
    ['signature-only thought part signs the open thinking part', [{ text: 'hmm', thought: true }, { text: '', thought: true, thoughtSignature: 's' }], ['thinking_delta@0', 'signature@0', 'part_end@0']],
    ['trailing signature signs an unsigned tool call', [{ functionCall: { name: 'f', args: {} } }, { text: '', thoughtSignature: 's' }], ['tool_call_start@0', 'tool_call_delta@0', 'signature@0', 'part_end@0']],
    ['empty text without signature adds nothing', [{ text: '' }], []],
  ])('%s', (_name, parts, expected) => {
    const events = decodeAll([chunk(parts, { finishReason: 'STOP' })])
    expect(shape(events).slice(1, -1)).toEqual(expected)
  })

  it('ignores chunks after the finish and adds nothing at end()', () => {
    const decoder = createStreamDecoder()
    decoder.decode(chunk([{ text: 'hi' }], { finishReason: 'STOP' }))
    expect(decoder.decode(chunk([{ text: 'late' }]))).toEqual([])
    expect(decoder.end()).toEqual([])
  })

  it('unreadable data is a bad_gateway error', () => {
    const events = decodeAll([{ data: '{"candidates": [' }])
    expect(shape(events)).toEqual(['error'])
    expect(lastError(events).kind).toBe('bad_gateway')
  })

  it('MAX_TOKENS while a call is streaming closes its JSON before finishing', () => {
    const events = decodeAll([
      chunk([{ functionCall: { name: 'write', willContinue: true } }]),
      chunk([{ functionCall: { partialArgs: [{ jsonPath: '$.body', stringValue: 'Dear', willContinue: true }], willContinue: true } }], { finishReason: 'MAX_TOKENS' }),
    ])
    expect(toolArguments(events)).toEqual([{ body: 'Dear' }])
    expect(events.at(-1)).toMatchObject({ type: 'finish', reason: 'max_tokens' })
  })
})
