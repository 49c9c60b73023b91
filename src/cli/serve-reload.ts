/**
 * `serve` follows its config file: a valid edit is applied to new requests
 * (requests in flight finish on the config they started with); an invalid one
 * is reported on stderr and the running config stays. The listening address
 * is fixed for the life of the process.
 */
import type { GatewayConfig } from '../config/types.js'
import { type ConfigWatcher, type WatchOptions, watchConfigFile } from '../config/watch.js'
import type { Gateway } from '../gateway/create-gateway.js'
import type { HotGateway } from '../gateway/hot-gateway.js'

export interface ReloadContext {
  /** Absolute path of the file to watch. */
  file: string
  /** Load and validate the config again (with the command line's overrides applied). */
  load(): Promise<GatewayConfig>
  build(config: GatewayConfig): Gateway
  gateway: HotGateway
  /** Called with every config that was applied (to print warnings about it). */
  applied?(config: GatewayConfig): void
  stdout?: NodeJS.WritableStream
  stderr?: NodeJS.WritableStream
  watch?: WatchOptions
}

export function reloadOnChange(context: ReloadContext): ConfigWatcher {
  const stdout = context.stdout ?? process.stdout
  const stderr = context.stderr ?? process.stderr
  let running: Promise<void> | undefined
  let again = false

  /** The listening address is the process's: a reload keeps it (and says so when the file changed it). */
  function keepAddress(next: GatewayConfig): void {
    const { host, port } = context.gateway.config.server
    if (next.server.host !== host || next.server.port !== port) {
      stderr.write(`llm-gateway: server.host and server.port apply on restart; still listening on ${host}:${port}\n`)
      next.server = { ...next.server, host, port }
    }
  }

  async function reload(): Promise<void> {
    let next: GatewayConfig
    let gateway: Gateway
    try {
      next = await context.load()
      keepAddress(next)
      gateway = context.build(next)
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      stderr.write(`llm-gateway: config reload failed, still serving the previous config: ${reason}\n`)
      return
    }
    context.gateway.swap(gateway)
    const providers = Object.keys(next.providers).length
    const aliases = Object.keys(next.models).length
    stdout.write(`config reloaded from ${next.source ?? context.file}: ${providers} providers, ${aliases} model entries\n`)
    context.applied?.(next)
  }

  // One reload at a time; edits made meanwhile are picked up by one more.
  function trigger(): void {
    if (running) {
      again = true
      return
    }
    running = reload().finally(() => {
      running = undefined
      if (again) {
        again = false
        trigger()
      }
    })
  }

  return watchConfigFile(context.file, trigger, context.watch)
}
