/**
 * Stopping the HTTP server without dropping work: stop accepting connections,
 * let in-flight requests finish (idle keep-alive connections close as soon as
 * their response is done), and only at the deadline cut what is left.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http'

export interface CloseOptions {
  /** How long in-flight requests may take to finish; 0 cuts them at once. */
  graceMs?: number
  /** Ends the grace period early (a second Ctrl-C). */
  signal?: AbortSignal
  /**
   * Runs at the deadline before connections are cut, so requests can end
   * cleanly (streams with an error event); connections still open a moment
   * later are cut.
   */
  beforeCut?: () => Promise<void> | void
}

/** After beforeCut, how long requests get to send their last bytes. */
const LAST_WORDS_MS = 1000

const timeout = (ms: number, signal?: AbortSignal) =>
  new Promise<false>((resolve) => {
    // Never what keeps the process alive.
    const timer = setTimeout(() => resolve(false), ms).unref()
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer)
        resolve(false)
      },
      { once: true },
    )
  })

export interface CloseResult {
  /** Requests still running at the deadline. */
  cut: number
}

export interface GracefulServer {
  /** Requests whose response has not finished. */
  active(): number
  close(options?: CloseOptions): Promise<CloseResult>
}

export function makeGraceful(server: Server): GracefulServer {
  let active = 0
  let closing = false
  let onSettled: (() => void) | undefined

  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    active++
    res.once('close', () => {
      active--
      // A keep-alive connection whose response just finished must not linger (or take new requests) while closing.
      if (closing) server.closeIdleConnections()
      if (active === 0) onSettled?.()
    })
  })

  let closed: Promise<CloseResult> | undefined
  async function close(options: CloseOptions = {}): Promise<CloseResult> {
    closing = true
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
    server.closeIdleConnections()
    const settled = active === 0 ? Promise.resolve(true) : new Promise<boolean>((resolve) => (onSettled = () => resolve(true)))
    const inTime = options.signal?.aborted ? false : await Promise.race([settled, timeout(options.graceMs ?? 10_000, options.signal)])
    const cut = inTime ? 0 : active
    if (!inTime) {
      await options.beforeCut?.()
      await Promise.race([settled, timeout(LAST_WORDS_MS)])
      server.closeAllConnections()
    }
    await stopped
    return { cut }
  }

  return {
    active: () => active,
    close: (options) => (closed ??= close(options)),
  }
}
