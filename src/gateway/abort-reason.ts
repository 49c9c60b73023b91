/**
 * Two things abort a request: the client leaving (nobody to tell), and the
 * gateway itself stopping it, e.g. at the shutdown deadline. The gateway aborts
 * with a GatewayError as the signal's reason, so whoever notices the abort can
 * tell the client why — an in-stream error event, or an error response — and
 * the log records that instead of a cancellation.
 */
import { GatewayError } from '../ir/errors.js'

/** The error to tell the client when the gateway aborted the request; undefined when the client left. */
export function gatewayAbortReason(signal: AbortSignal | undefined): GatewayError | undefined {
  return signal?.aborted && signal.reason instanceof GatewayError ? signal.reason : undefined
}
