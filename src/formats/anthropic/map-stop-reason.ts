/** Anthropic `stop_reason` <-> the IR's neutral StopReason. */
import type { StopReason } from '../../ir/types.js'
import type { AnthropicStopReason } from './wire-types.js'

const TO_IR: Record<string, StopReason> = {
  end_turn: 'end',
  stop_sequence: 'stop_sequence',
  max_tokens: 'max_tokens',
  // Newer models stop here when the context window, not max_tokens, ran out.
  model_context_window_exceeded: 'max_tokens',
  tool_use: 'tool_use',
  refusal: 'content_filter',
  pause_turn: 'pause',
}

/** Unknown or missing reasons become 'other' rather than failing the response. */
export function stopReasonToIR(reason: unknown): StopReason {
  return typeof reason === 'string' ? (TO_IR[reason] ?? 'other') : 'other'
}

const FROM_IR: Record<StopReason, AnthropicStopReason> = {
  end: 'end_turn',
  stop_sequence: 'stop_sequence',
  max_tokens: 'max_tokens',
  tool_use: 'tool_use',
  content_filter: 'refusal',
  pause: 'pause_turn',
  // Anthropic has no word for these; a plain end of turn is the least surprising.
  error: 'end_turn',
  other: 'end_turn',
}

export function stopReasonFromIR(reason: StopReason): AnthropicStopReason {
  return FROM_IR[reason] ?? 'end_turn'
}
