/**
 * Ctrl-C during a one-off request: the first SIGINT aborts the request (which
 * aborts the upstream call), the second exits at once.
 */
import { EXIT_INTERRUPTED } from './exit-interrupted.js'

export interface Interrupt {
  readonly signal: AbortSignal
  dispose(): void
}

export function onInterrupt(): Interrupt {
  const controller = new AbortController()
  const handler = () => {
    if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED)
    controller.abort()
  }
  process.on('SIGINT', handler)
  return { signal: controller.signal, dispose: () => process.off('SIGINT', handler) }
}
