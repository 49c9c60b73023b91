/**
 * OpenAI usage <-> IR usage. OpenAI's `prompt_tokens` includes cached tokens;
 * the IR's `inputTokens` does not (Anthropic's convention).
 */
import type { Usage } from '../../ir/types.js'
import { isObject } from './check.js'
import type { OpenAIUsage } from './wire-types.js'

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

/** An upstream's usage object as IR usage; undefined when there is none. */
export function usageFromOpenAI(raw: unknown): Usage | undefined {
  if (!isObject(raw)) return undefined
  const prompt = count(raw.prompt_tokens) ?? 0
  const completion = count(raw.completion_tokens) ?? 0
  const promptDetails = isObject(raw.prompt_tokens_details) ? raw.prompt_tokens_details : {}
  const completionDetails = isObject(raw.completion_tokens_details) ? raw.completion_tokens_details : {}
  const cached = count(promptDetails.cached_tokens) ?? count(raw.prompt_cache_hit_tokens)
  const reasoning = count(completionDetails.reasoning_tokens)
  const usage: Usage = { inputTokens: Math.max(0, prompt - (cached ?? 0)), outputTokens: completion }
  // xAI counts reasoning outside completion_tokens (total = prompt + completion + reasoning);
  // the IR's output always includes reasoning.
  const total = count(raw.total_tokens)
  if (reasoning && total !== undefined && total !== prompt + completion && total === prompt + completion + reasoning) {
    usage.outputTokens = completion + reasoning
  }
  if (cached !== undefined) usage.cacheReadTokens = cached
  if (reasoning !== undefined) usage.reasoningTokens = reasoning
  return usage
}

/** IR usage as the OpenAI usage object. */
export function usageToOpenAI(usage: Usage): OpenAIUsage {
  const cacheRead = usage.cacheReadTokens ?? 0
  const prompt = usage.inputTokens + cacheRead + (usage.cacheWriteTokens ?? 0)
  const result: OpenAIUsage = {
    prompt_tokens: prompt,
    completion_tokens: usage.outputTokens,
    total_tokens: prompt + usage.outputTokens,
    prompt_tokens_details: { cached_tokens: cacheRead },
  }
  if (usage.reasoningTokens !== undefined) result.completion_tokens_details = { reasoning_tokens: usage.reasoningTokens }
  return result
}
