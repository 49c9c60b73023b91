/**
 * What stops a one-off request early: Ctrl-C (the first SIGINT aborts the
 * request, which aborts the upstream call; a second exits at once), or the
 * reader of stdout going away (`| head -1`: EPIPE), which aborts it too
 * instead of crashing on the next write.
 */
import type { EventEmitter } from 'node:events'
import { EXIT_INTERRUPTED } from './exit-interrupted.js'

export type StopReason = 'interrupted' | 'output-closed'

export interface Interrupt {
  readonly signal: AbortSignal
  readonly reason: StopReason | undefined
  dispose(): void
}

export function onInterrupt(stdout?: Partial<Pick<EventEmitter, 'on' | 'off'>>): Interrupt {
  const controller = new AbortController()
  let reason: StopReason | undefined
  const stop = (why: StopReason) => {
    reason ??= why
    controller.abort()
  }
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED)
    stop('interrupted')
  }
  // Stays attached: writes after EPIPE report further errors, which must not crash the process either.
  const onOutputError = (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') stop('output-closed')
  }
  process.on('SIGINT', onSigint)
  stdout?.on?.('error', onOutputError)
  return {
    signal: controller.signal,
    get reason() {
      return reason
    },
    dispose: () => process.off('SIGINT', onSigint),
  }
}
