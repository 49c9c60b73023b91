import { describe, expect, it } from 'vitest'
import { mapStopReason } from './map-stop-reason.js'

describe('mapStopReason', () => {
  it.each([
    ['STOP', false, 'end'],
    ['STOP', true, 'tool_use'],
    ['MAX_TOKENS', true, 'max_tokens'],
    ['SAFETY', false, 'content_filter'],
    ['RECITATION', false, 'content_filter'],
    ['BLOCKLIST', false, 'content_filter'],
    ['PROHIBITED_CONTENT', false, 'content_filter'],
    ['SPII', false, 'content_filter'],
    ['IMAGE_SAFETY', false, 'content_filter'],
    ['MALFORMED_FUNCTION_CALL', false, 'error'],
    ['LANGUAGE', false, 'other'],
    ['OTHER', false, 'other'],
    ['FINISH_REASON_UNSPECIFIED', false, 'other'],
    [undefined, false, 'other'],
  ] as const)('%s (tool calls: %s) -> %s', (reason, madeToolCalls, expected) => {
    expect(mapStopReason(reason, madeToolCalls)).toBe(expected)
  })
})
