import { describe, expect, it } from 'vitest'
import type { StopReason } from '../../ir/types.js'
import { stopReasonFromIR, stopReasonToIR } from './map-stop-reason.js'

describe('stopReasonToIR', () => {
  it.each([
    ['end_turn', 'end'],
    ['stop_sequence', 'stop_sequence'],
    ['max_tokens', 'max_tokens'],
    ['model_context_window_exceeded', 'max_tokens'],
    ['tool_use', 'tool_use'],
    ['refusal', 'content_filter'],
    ['pause_turn', 'pause'],
    ['something_new', 'other'],
    [null, 'other'],
  ])('%s -> %s', (wire, ir) => {
    expect(stopReasonToIR(wire)).toBe(ir)
  })
})

describe('stopReasonFromIR', () => {
  it.each<[StopReason, string]>([
    ['end', 'end_turn'],
    ['stop_sequence', 'stop_sequence'],
    ['max_tokens', 'max_tokens'],
    ['tool_use', 'tool_use'],
    ['content_filter', 'refusal'],
    ['pause', 'pause_turn'],
    ['error', 'end_turn'],
    ['other', 'end_turn'],
  ])('%s -> %s', (ir, wire) => {
    expect(stopReasonFromIR(ir)).toBe(wire)
  })
})
