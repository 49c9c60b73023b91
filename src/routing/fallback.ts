/**
 * Runs a request against its targets in order. A retryable failure before
 * any byte reached the client is retried on the same target (backoff,
 * `retry-after`) and then moves on to the next target, all within the
 * request's deadline; providers whose circuit breaker is open are skipped.
 * Every attempt is recorded for the traffic log.
 *
 * `run` resolves as soon as the upstream answered with headers, before any
 * body byte is sent to the client; a failure later in the body is the stream's
 * business and is never retried here.
 */
import type { RoutingConfig } from '../config/types.js'
import { GatewayError, toGatewayError } from '../ir/errors.js'
import type { AttemptRecord } from '../log/record.js'
import { planRetry } from './backoff.js'
import type { BreakerRegistry, CircuitBreaker } from './breaker.js'
import { DEFAULT_ROUTING } from './defaults.js'
import { isLocalSetupFailure, isProviderFailure, isRetryable } from './retryable.js'
import { sleep as realSleep } from './sleep.js'
import type { Target } from './types.js'

export { isRetryable } from './retryable.js'

export interface FallbackOptions {
  settings?: Pick<RoutingConfig, 'retries' | 'backoffMs' | 'maxBackoffMs' | 'deadlineMs'>
  breakers?: BreakerRegistry
  /** Injected in tests. */
  now?: () => number
  random?: () => number
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>
}

function report(breaker: CircuitBreaker | undefined, failure: GatewayError): void {
  if (!breaker) return
  if (isProviderFailure(failure)) breaker.onFailure()
  else if (failure.kind === 'cancelled' || isLocalSetupFailure(failure)) breaker.onAbandon()
  else breaker.onSuccess() // the provider answered: it is up, whatever it thought of the request
}

function allSkipped(skipped: Target[], breakers: BreakerRegistry | undefined): GatewayError {
  const names = [...new Set(skipped.map((t) => t.provider.name))]
  const waits = names.map((name) => breakers?.get(name).retryInMs() ?? 0)
  const retryAfterMs = Math.max(1000, Math.min(...waits))
  return new GatewayError(
    'overloaded',
    `Every target is cooling down after repeated failures (${names.map((n) => `'${n}'`).join(', ')}); the gateway tries again in ${Math.ceil(retryAfterMs / 1000)} s`,
    { status: 503, retryAfterMs, code: 'circuit_open' },
  )
}

export async function runWithFallback<T>(
  targets: Target[],
  attempts: AttemptRecord[],
  signal: AbortSignal,
  run: (target: Target) => Promise<T>,
  options: FallbackOptions = {},
): Promise<{ value: T; target: Target }> {
  const policy = options.settings ?? DEFAULT_ROUTING
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? realSleep
  const startedAt = now()
  const skipped: Target[] = []
  let last: GatewayError | undefined

  for (const [index, target] of targets.entries()) {
    const breaker = options.breakers?.get(target.provider.name)
    const moreTargets = index < targets.length - 1
    for (let retriesDone = 0; ; retriesDone++) {
      if (breaker && !breaker.tryAcquire()) {
        skipped.push(target)
        break
      }
      const started = performance.now()
      let failure: GatewayError
      try {
        const value = await run(target)
        breaker?.onSuccess()
        attempts.push({ provider: target.provider.name, providerModel: target.model, status: 200, latencyMs: Math.round(performance.now() - started) })
        return { value, target }
      } catch (error) {
        failure = toGatewayError(error)
      }
      report(breaker, failure)
      attempts.push({
        provider: target.provider.name,
        providerModel: target.model,
        status: failure.status,
        latencyMs: Math.round(performance.now() - started),
        error: failure.message,
      })
      last = failure
      if (signal.aborted || failure.kind === 'cancelled') throw failure
      if (isLocalSetupFailure(failure) && moreTargets) break
      if (!isRetryable(failure)) throw failure
      const plan = planRetry({ failure, retriesDone, moreTargets, elapsedMs: now() - startedAt, policy, random: options.random })
      if (plan.action === 'stop') throw failure
      if (plan.action === 'next') break
      await sleep(plan.waitMs, signal)
    }
  }
  throw last ?? (skipped.length > 0 ? allSkipped(skipped, options.breakers) : new GatewayError('api_error', 'No target to try'))
}
