/**
 * Gemini `usageMetadata` -> IR Usage. `promptTokenCount` already includes the
 * cached tokens, and `candidatesTokenCount` excludes thinking, so input is
 * prompt minus cached, and output adds the thoughts back in (the IR counts
 * reasoning inside output). Tokens of tool-use prompts (built-in tools) are
 * input Gemini reports separately.
 */
import type { Usage } from '../../ir/types.js'
import type { GeminiUsageMetadata } from './wire-types.js'

export function mapUsage(metadata: GeminiUsageMetadata | undefined): Usage {
  const prompt = metadata?.promptTokenCount ?? 0
  const cached = metadata?.cachedContentTokenCount ?? 0
  const toolPrompt = metadata?.toolUsePromptTokenCount ?? 0
  const thoughts = metadata?.thoughtsTokenCount ?? 0
  const usage: Usage = {
    inputTokens: Math.max(0, prompt - cached) + toolPrompt,
    outputTokens: (metadata?.candidatesTokenCount ?? 0) + thoughts,
  }
  if (cached > 0) usage.cacheReadTokens = cached
  if (thoughts > 0) usage.reasoningTokens = thoughts
  return usage
}
