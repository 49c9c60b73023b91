import { GatewayError } from '../ir/errors.js'

/** Wait `ms`, or reject with a `cancelled` error as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  const cancelled = () => new GatewayError('cancelled', 'The request was cancelled by the client')
  if (signal.aborted) return Promise.reject(cancelled())
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer)
      reject(cancelled())
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal.addEventListener('abort', onAbort, { once: true })
  })
}
