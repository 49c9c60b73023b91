/**
 * Thinking carried over the OpenAI format. OpenAI itself has no field for it;
 * the gateway follows OpenRouter's `reasoning_details` convention, which keeps
 * each block's signature (and encrypted blocks) so a client can send them back
 * unchanged, and also fills DeepSeek's plain `reasoning_content` text.
 */
import type { RedactedThinkingPart, ThinkingPart } from '../../ir/types.js'
import { isObject } from './check.js'
import type { OpenAIReasoningDetail } from './wire-types.js'

/** One `reasoning_details` entry as an IR part; undefined for kinds the IR has no place for. */
export function partFromReasoningDetail(detail: unknown): ThinkingPart | RedactedThinkingPart | undefined {
  if (!isObject(detail)) return undefined
  switch (detail.type) {
    case 'reasoning.text': {
      const text = typeof detail.text === 'string' ? detail.text : ''
      const signature = typeof detail.signature === 'string' && detail.signature !== '' ? detail.signature : undefined
      return signature ? { type: 'thinking', text, signature } : { type: 'thinking', text }
    }
    case 'reasoning.summary':
      return typeof detail.summary === 'string' ? { type: 'thinking', text: detail.summary } : undefined
    case 'reasoning.encrypted':
      return typeof detail.data === 'string' ? { type: 'redacted_thinking', data: detail.data } : undefined
    default:
      return undefined
  }
}

export function partsFromReasoningDetails(details: readonly unknown[]): Array<ThinkingPart | RedactedThinkingPart> {
  return details.map(partFromReasoningDetail).filter((part) => part !== undefined)
}

/** A thinking or redacted part as the `reasoning_details` entry a client can send back. */
export function reasoningDetailFromPart(part: ThinkingPart | RedactedThinkingPart, index: number): OpenAIReasoningDetail {
  if (part.type === 'redacted_thinking') return { type: 'reasoning.encrypted', data: part.data, index }
  return part.signature === undefined
    ? { type: 'reasoning.text', text: part.text, index }
    : { type: 'reasoning.text', text: part.text, signature: part.signature, index }
}
