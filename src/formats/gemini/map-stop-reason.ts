/** Gemini `finishReason` -> IR StopReason. */
import type { StopReason } from '../../ir/types.js'

const CONTENT_FILTER = new Set([
  'SAFETY',
  'RECITATION',
  'BLOCKLIST',
  'PROHIBITED_CONTENT',
  'SPII',
  'IMAGE_SAFETY',
  'IMAGE_PROHIBITED_CONTENT',
  'IMAGE_RECITATION',
])

/** The model tried to call a tool and produced something unusable. */
const GENERATION_ERROR = new Set(['MALFORMED_FUNCTION_CALL', 'UNEXPECTED_TOOL_CALL', 'MALFORMED_RESPONSE'])

/**
 * Gemini says STOP after function calls too (it has no separate reason), so
 * `madeToolCalls` turns STOP into `tool_use`.
 */
export function mapStopReason(finishReason: string | undefined, madeToolCalls: boolean): StopReason {
  if (finishReason === 'STOP') return madeToolCalls ? 'tool_use' : 'end'
  if (finishReason === 'MAX_TOKENS') return 'max_tokens'
  if (finishReason !== undefined && CONTENT_FILTER.has(finishReason)) return 'content_filter'
  if (finishReason !== undefined && GENERATION_ERROR.has(finishReason)) return 'error'
  return 'other'
}
