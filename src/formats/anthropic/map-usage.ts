/**
 * Anthropic usage <-> IR Usage. Both use the same convention (`input_tokens`
 * excludes cache reads and writes), so this is a renaming plus care for fields
 * that are absent or null.
 */
import type { Usage } from '../../ir/types.js'

const count = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined

/** Only the counters the wire object actually carries (message_delta may omit any). */
export function partialUsageToIR(wire: unknown): Partial<Usage> {
  if (!wire || typeof wire !== 'object') return {}
  const u = wire as Record<string, unknown>
  const usage: Partial<Usage> = {}
  const input = count(u.input_tokens)
  const output = count(u.output_tokens)
  const cacheRead = count(u.cache_read_input_tokens)
  const cacheWrite = count(u.cache_creation_input_tokens)
  const details = u.output_tokens_details as Record<string, unknown> | null | undefined
  const reasoning = count(details?.thinking_tokens)
  if (input !== undefined) usage.inputTokens = input
  if (output !== undefined) usage.outputTokens = output
  if (cacheRead !== undefined) usage.cacheReadTokens = cacheRead
  if (cacheWrite !== undefined) usage.cacheWriteTokens = cacheWrite
  if (reasoning !== undefined) usage.reasoningTokens = reasoning
  return usage
}

export function usageToIR(wire: unknown): Usage {
  return { inputTokens: 0, outputTokens: 0, ...partialUsageToIR(wire) }
}

export interface AnthropicUsageOut {
  input_tokens: number
  cache_creation_input_tokens: number
  cache_read_input_tokens: number
  output_tokens: number
}

/** The usage object of a whole Message, every counter present as Anthropic sends it. */
export function usageFromIR(usage: Partial<Usage>): AnthropicUsageOut {
  return {
    input_tokens: usage.inputTokens ?? 0,
    cache_creation_input_tokens: usage.cacheWriteTokens ?? 0,
    cache_read_input_tokens: usage.cacheReadTokens ?? 0,
    output_tokens: usage.outputTokens ?? 0,
  }
}

/**
 * message_delta usage: `output_tokens` always, the other counters only when
 * known (the SDK overwrites its snapshot with whatever is present).
 */
export function deltaUsageFromIR(usage: Partial<Usage>): Partial<AnthropicUsageOut> & { output_tokens: number } {
  // Key order as the API sends it.
  const out: Partial<AnthropicUsageOut> = {}
  if (usage.inputTokens !== undefined) out.input_tokens = usage.inputTokens
  if (usage.cacheWriteTokens !== undefined) out.cache_creation_input_tokens = usage.cacheWriteTokens
  if (usage.cacheReadTokens !== undefined) out.cache_read_input_tokens = usage.cacheReadTokens
  return { ...out, output_tokens: usage.outputTokens ?? 0 }
}
