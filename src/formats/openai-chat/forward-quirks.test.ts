import { describe, expect, it } from 'vitest'
import { applyQuirksToBody } from './forward-quirks.js'

const body = (fields: Record<string, unknown>) => JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }], ...fields })

describe('applyQuirksToBody (fast path)', () => {
  const cases: Array<[string, Record<string, boolean>, Record<string, unknown>, Record<string, unknown>]> = [
    ['noStreamOptions drops stream_options', { noStreamOptions: true }, { stream: true, stream_options: { include_usage: true } }, { stream: true }],
    ['noParallelToolCalls drops parallel_tool_calls', { noParallelToolCalls: true }, { parallel_tool_calls: false, tool_choice: 'auto' }, { tool_choice: 'auto' }],
    ['noReasoningEffort drops reasoning_effort', { noReasoningEffort: true }, { reasoning_effort: 'high' }, {}],
    ['maxCompletionTokens renames max_tokens', { maxCompletionTokens: true }, { max_tokens: 64 }, { max_completion_tokens: 64 }],
    ['an explicit max_completion_tokens wins', { maxCompletionTokens: true }, { max_tokens: 64, max_completion_tokens: 32 }, { max_completion_tokens: 32 }],
  ]

  it.each(cases)('%s', (_name, quirks, fields, expected) => {
    expect(JSON.parse(applyQuirksToBody(body(fields), quirks))).toEqual(JSON.parse(body(expected)))
  })

  it.each([
    ['no quirks', {}, body({ stream_options: { include_usage: true } })],
    ['quirks, but none of their fields present', { noStreamOptions: true, noParallelToolCalls: true }, '{"model":"m",  "messages":[{"role":"user","content":"hi"}]}'],
    ['the name only inside a message', { noStreamOptions: true }, body({ messages: [{ role: 'user', content: 'what is "stream_options"?' }] })],
    ['not JSON', { noStreamOptions: true }, '{"stream_options": '],
  ])('%s: the body is returned byte for byte', (_name, quirks, raw) => {
    expect(applyQuirksToBody(raw, quirks)).toBe(raw)
  })
})
