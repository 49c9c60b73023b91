/** Promises that settle when the recorded traffic reaches a state, or reject after a timeout. */
import type { EventEmitter } from 'node:events'
import type { RecordedRequest } from './types.js'

export function createWaiters(events: EventEmitter, requests: RecordedRequest[], defaultTimeoutMs = 5000) {
  function waitUntil<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined
      const onChange = () => {
        const value = check()
        if (value === undefined) return
        clearTimeout(timer)
        events.off('change', onChange)
        resolve(value)
      }
      events.on('change', onChange)
      timer = setTimeout(() => {
        events.off('change', onChange)
        reject(new Error(`fake upstream: timed out after ${timeoutMs} ms waiting for ${what} (${requests.length} requests recorded)`))
      }, timeoutMs)
      onChange()
    })
  }
  const find = (which: number | RecordedRequest) => (typeof which === 'number' ? requests.find((r) => r.index === which) : which)

  return {
    waitForRequest: (n: number, timeoutMs = defaultTimeoutMs) => waitUntil(() => requests[n - 1], timeoutMs, `request #${n}`),
    waitForRequests: (n: number, timeoutMs = defaultTimeoutMs) =>
      waitUntil(() => (requests.length >= n ? requests.slice(0, n) : undefined), timeoutMs, `${n} requests`),
    waitForAbort: (which?: number | RecordedRequest, timeoutMs = defaultTimeoutMs) =>
      waitUntil(() => (which === undefined ? requests.find((r) => r.aborted) : find(which))?.abortedAt, timeoutMs, 'a client abort'),
    waitForFinish: (which: number | RecordedRequest, timeoutMs = defaultTimeoutMs) =>
      waitUntil(
        () => {
          const r = find(which)
          return r?.finishedAt !== undefined ? r : undefined
        },
        timeoutMs,
        'a finished response',
      ),
  }
}
