/**
 * Which failures are worth another try, and which say the provider itself is
 * unwell (and so count towards its circuit breaker).
 */
import type { GatewayError } from '../ir/errors.js'

/** 408/409/429/5xx/529: the same request may succeed later or elsewhere. */
const RETRYABLE_STATUS = new Set([408, 409, 429, 500, 502, 503, 504, 529])

/** Connection failures, timeouts, 408/409/429/5xx/529 may succeed elsewhere or later. */
export function isRetryable(error: GatewayError): boolean {
  if (error.kind === 'cancelled') return false
  return error.kind === 'timeout' || error.kind === 'bad_gateway' || RETRYABLE_STATUS.has(error.status) || error.status >= 500
}

/**
 * A target that could not even be called (its key variable is unset): no
 * upstream saw the request, so the next target may as well be tried.
 */
export function isLocalSetupFailure(error: GatewayError): boolean {
  return error.code === 'provider_key_missing'
}

/**
 * Failures that say the provider is down or overloaded: network errors,
 * timeouts and 5xx. A 429 is about the caller's quota (and `retry-after`
 * handles it), and a 4xx proves the provider is up, so neither counts.
 */
export function isProviderFailure(error: GatewayError): boolean {
  if (error.kind === 'cancelled') return false
  return error.kind === 'timeout' || error.kind === 'bad_gateway' || error.status >= 500
}
