/**
 * How a neutral reasoning request becomes Anthropic's `thinking` budget and
 * `max_tokens`.
 *
 * Effort -> budget_tokens (used when the request names an effort but no budget;
 * reasoning "on" with neither counts as medium):
 *   minimal 1,024 (Anthropic's minimum) · low 4,096 · medium 8,192 · high 16,384
 * A budget below 1,024 is raised to 1,024.
 *
 * Anthropic requires max_tokens > budget_tokens (thinking counts toward max_tokens):
 * - No max_tokens from the caller: max_tokens is the default (options.defaultMaxTokens
 *   ?? 4,096); when that is not above the budget it becomes budget + default, so the
 *   answer keeps the default room.
 * - The caller set max_tokens: it is a hard cap and is never raised. A budget that
 *   does not fit under it shrinks to half of max_tokens (at least 1,024). When
 *   max_tokens is 1,024 or less no budget fits and thinking is not sent: the
 *   caller's limit comes first.
 * - Thinking is also not sent when tool_choice forces a tool (`required` / `tool`):
 *   Anthropic rejects forced tool use with thinking on. (ir-to-request.ts also
 *   leaves it out when the history cannot carry it: see thinking-history.ts.)
 */
import type { IRRequest, ReasoningEffort } from '../../ir/types.js'

export const MIN_THINKING_BUDGET = 1024
export const DEFAULT_MAX_TOKENS = 4096

export const EFFORT_BUDGET: Record<ReasoningEffort, number> = {
  minimal: 1024,
  low: 4096,
  medium: 8192,
  high: 16384,
}

export interface ThinkingPlan {
  /** budget_tokens to send, or undefined for no thinking. */
  budgetTokens?: number
  maxTokens: number
}

function requestedBudget(request: IRRequest): number | undefined {
  const reasoning = request.reasoning
  if (!reasoning?.enabled) return undefined
  const forced = request.toolChoice?.type === 'required' || request.toolChoice?.type === 'tool'
  if (forced && request.tools?.length) return undefined
  const budget = reasoning.budgetTokens ?? EFFORT_BUDGET[reasoning.effort ?? 'medium']
  return Math.max(MIN_THINKING_BUDGET, budget)
}

export function planThinking(request: IRRequest, defaultMaxTokens: number | undefined): ThinkingPlan {
  const fallback = defaultMaxTokens ?? DEFAULT_MAX_TOKENS
  const budget = requestedBudget(request)
  const callerMax = request.maxTokens
  if (budget === undefined) return { maxTokens: callerMax ?? fallback }
  if (callerMax === undefined) {
    return { budgetTokens: budget, maxTokens: fallback > budget ? fallback : budget + fallback }
  }
  if (budget < callerMax) return { budgetTokens: budget, maxTokens: callerMax }
  const shrunk = Math.max(MIN_THINKING_BUDGET, Math.floor(callerMax / 2))
  return shrunk < callerMax ? { budgetTokens: shrunk, maxTokens: callerMax } : { maxTokens: callerMax }
}
