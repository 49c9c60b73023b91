/**
 * SIGINT/SIGTERM: stop accepting, let requests in flight finish up to
 * `server.shutdownGraceMs`, end whatever still runs with an error in its own
 * format, flush the traffic log, exit 0. A second signal skips the wait.
 */
import type { ConfigWatcher } from '../config/watch.js'
import type { HotGateway } from '../gateway/hot-gateway.js'
import type { RunningServer } from '../server/start-server.js'

export interface ShutdownContext {
  server: RunningServer
  gateway: HotGateway
  watcher?: ConfigWatcher
  stderr?: NodeJS.WritableStream
  exit?: (code: number) => void
}

export function shutdownOnSignals(context: ShutdownContext): void {
  const stderr = context.stderr ?? process.stderr
  const exit = context.exit ?? ((code: number) => process.exit(code))
  const hurry = new AbortController()
  let stopping = false

  async function stop(signal: NodeJS.Signals): Promise<void> {
    if (stopping) {
      hurry.abort()
      return
    }
    stopping = true
    context.watcher?.close()
    context.gateway.stopTaking()
    const graceMs = context.gateway.config.server.shutdownGraceMs
    const inFlight = context.server.active()
    if (inFlight > 0) {
      stderr.write(`llm-gateway: ${signal}: finishing ${inFlight} request(s) in flight (up to ${graceMs / 1000} s; again to stop now)\n`)
    }
    try {
      const { cut } = await context.server.close({ graceMs, signal: hurry.signal, beforeCut: () => context.gateway.cut() })
      if (cut > 0) stderr.write(`llm-gateway: ended ${cut} request(s) still running at shutdown\n`)
      // Closes the providers' connections and flushes the traffic log.
      await context.gateway.close()
    } catch (error) {
      stderr.write(`llm-gateway: error while shutting down: ${(error as Error).message}\n`)
    }
    exit(0)
  }

  process.on('SIGINT', (signal) => void stop(signal))
  process.on('SIGTERM', (signal) => void stop(signal))
}
