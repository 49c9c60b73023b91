/**
 * Quirks on the same-format fast path: an OpenAI client's body is forwarded to
 * an OpenAI-compatible service as sent, so the fields that service rejects
 * (see OpenAIQuirks) are taken out here, as translation would leave them out.
 * The body is re-serialised only when a quirk actually changes something;
 * otherwise every byte reaches the service as the client wrote it.
 */
import type { OpenAIQuirks } from '../types.js'
import { isObject } from './check.js'

/** Top-level fields each quirk removes (or renames). */
function fieldsTouched(quirks: OpenAIQuirks): string[] {
  const fields: string[] = []
  if (quirks.noStreamOptions) fields.push('stream_options')
  if (quirks.noParallelToolCalls) fields.push('parallel_tool_calls')
  if (quirks.noReasoningEffort) fields.push('reasoning_effort')
  if (quirks.maxCompletionTokens) fields.push('max_tokens')
  return fields
}

export function applyQuirksToBody(raw: string, quirks: OpenAIQuirks | undefined): string {
  const fields = fieldsTouched(quirks ?? {})
  if (!fields.some((field) => raw.includes(`"${field}"`))) return raw
  let body: unknown
  try {
    body = JSON.parse(raw)
  } catch {
    return raw // not ours to fix; the service answers it
  }
  if (!isObject(body) || !fields.some((field) => field in body)) return raw
  const out = { ...body }
  for (const field of ['stream_options', 'parallel_tool_calls', 'reasoning_effort']) if (fields.includes(field)) delete out[field]
  if (fields.includes('max_tokens') && 'max_tokens' in out) {
    if (out.max_completion_tokens === undefined) out.max_completion_tokens = out.max_tokens
    delete out.max_tokens
  }
  return JSON.stringify(out)
}
