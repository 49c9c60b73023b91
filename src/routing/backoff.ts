/**
 * When to try again: exponential backoff with jitter, at least as long as the
 * upstream's `retry-after`, never past the request's deadline. Pure, so the
 * arithmetic is tested without waiting.
 */
import type { GatewayError } from '../ir/errors.js'

export interface RetryPolicy {
  retries: number
  backoffMs: number
  maxBackoffMs: number
  deadlineMs: number
}

/**
 * The wait before retry number `retry` (0-based): `backoffMs * 2^retry`,
 * capped at `maxBackoffMs`, then "equal jitter" (between half and all of it)
 * so clients failing together do not retry in lockstep.
 */
export function backoffDelay(retry: number, policy: Pick<RetryPolicy, 'backoffMs' | 'maxBackoffMs'>, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxBackoffMs, policy.backoffMs * 2 ** retry)
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}

export type RetryPlan = { action: 'retry'; waitMs: number } | { action: 'next' } | { action: 'stop' }

export interface RetryInput {
  failure: GatewayError
  /** Retries of this target already made. */
  retriesDone: number
  /** Whether another target remains in the chain. */
  moreTargets: boolean
  /** Time since the request arrived. */
  elapsedMs: number
  policy: RetryPolicy
  random?: () => number
}

/**
 * After a retryable failure: retry the same target (after a wait), move on
 * to the next target now, or stop. A `retry-after` longer than `maxBackoffMs`
 * is not waited for while another target could answer at once.
 */
export function planRetry(input: RetryInput): RetryPlan {
  const { failure, retriesDone, moreTargets, elapsedMs, policy } = input
  if (elapsedMs >= policy.deadlineMs) return { action: 'stop' }
  const onward: RetryPlan = moreTargets ? { action: 'next' } : { action: 'stop' }
  if (retriesDone >= policy.retries) return onward
  const retryAfter = failure.retryAfterMs ?? 0
  if (retryAfter > policy.maxBackoffMs && moreTargets) return onward
  const waitMs = Math.max(retryAfter, backoffDelay(retriesDone, policy, input.random))
  if (elapsedMs + waitMs >= policy.deadlineMs) return onward
  return { action: 'retry', waitMs }
}
