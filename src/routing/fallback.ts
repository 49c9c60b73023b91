/**
 * Runs a request against its targets in order: a retryable failure before any
 * byte reached the client moves on to the next target. Every attempt is
 * recorded for the traffic log.
 */
import { GatewayError, toGatewayError } from '../ir/errors.js'
import type { AttemptRecord } from '../log/record.js'
import type { Target } from './types.js'

const RETRYABLE_STATUS = new Set([408, 409, 429, 500, 502, 503, 504, 529])

/** Connection failures, timeouts, 408/409/429/5xx/529 may succeed elsewhere or later. */
export function isRetryable(error: GatewayError): boolean {
  if (error.kind === 'cancelled') return false
  return error.kind === 'timeout' || error.kind === 'bad_gateway' || RETRYABLE_STATUS.has(error.status) || error.status >= 500
}

export async function runWithFallback<T>(
  targets: Target[],
  attempts: AttemptRecord[],
  signal: AbortSignal,
  run: (target: Target) => Promise<T>,
): Promise<{ value: T; target: Target }> {
  let last: GatewayError | undefined
  for (const [index, target] of targets.entries()) {
    const started = performance.now()
    try {
      const value = await run(target)
      attempts.push({ provider: target.provider.name, providerModel: target.model, status: 200, latencyMs: Math.round(performance.now() - started) })
      return { value, target }
    } catch (error) {
      const failure = toGatewayError(error)
      attempts.push({
        provider: target.provider.name,
        providerModel: target.model,
        status: failure.status,
        latencyMs: Math.round(performance.now() - started),
        error: failure.message,
      })
      last = failure
      const more = index < targets.length - 1
      if (!more || signal.aborted || !isRetryable(failure)) throw failure
    }
  }
  throw last ?? new GatewayError('api_error', 'No target to try')
}
