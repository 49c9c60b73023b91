import { describe, expect, it } from 'vitest'
import type { StopReason } from '../../ir/types.js'
import { finishReasonFor, stopReasonFromOpenAI, stopReasonToOpenAI } from './map-stop-reason.js'

describe('stopReasonFromOpenAI', () => {
  it.each([
    ['stop', 'end'],
    ['length', 'max_tokens'],
    ['tool_calls', 'tool_use'],
    ['function_call', 'tool_use'],
    ['content_filter', 'content_filter'],
    ['eos', 'end'],
    ['error', 'error'],
    ['something_new', 'other'],
    [null, 'other'],
  ] as const)('%s -> %s', (reason, expected) => {
    expect(stopReasonFromOpenAI(reason)).toBe(expected)
  })
})

describe('stopReasonToOpenAI', () => {
  it.each<[StopReason, string]>([
    ['end', 'stop'],
    ['stop_sequence', 'stop'],
    ['max_tokens', 'length'],
    ['tool_use', 'tool_calls'],
    ['content_filter', 'content_filter'],
    ['pause', 'stop'],
    ['error', 'stop'],
    ['other', 'stop'],
  ])('%s -> %s', (reason, expected) => {
    expect(stopReasonToOpenAI(reason)).toBe(expected)
  })

  it('reports tool_calls when a reply with tool calls ended plainly', () => {
    expect(finishReasonFor('end', true)).toBe('tool_calls')
    expect(finishReasonFor('max_tokens', true)).toBe('length')
    expect(finishReasonFor('end', false)).toBe('stop')
  })
})
