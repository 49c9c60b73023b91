/**
 * `llm-gateway serve`: start the proxy and say how to use it — URL, providers
 * (with any missing keys), and the one line that points both SDKs at it. It
 * then follows its config file (serve-reload.ts) and shuts down gracefully on
 * SIGINT/SIGTERM (serve-shutdown.ts).
 */
import { resolve } from 'node:path'
import { colors } from 'consola/utils'
import { loadConfig } from '../config/load.js'
import type { GatewayConfig } from '../config/types.js'
import { expandHome } from '../config/validate.js'
import { createGateway, type Gateway } from '../gateway/create-gateway.js'
import { createHotGateway } from '../gateway/hot-gateway.js'
import { createCostFunction } from '../log/cost.js'
import { createRecorder } from '../log/create-recorder.js'
import { displayURL } from '../server/routes/health.js'
import { isLoopback, startServer } from '../server/start-server.js'
import { VERSION } from '../version.js'
import { reloadOnChange } from './serve-reload.js'
import { shutdownOnSignals } from './serve-shutdown.js'
import { formatTable } from './table.js'

export interface ServeOptions {
  config?: string
  port?: number
  host?: string
  logDir?: string
}

function providerRows(config: GatewayConfig): string[][] {
  return Object.values(config.providers).map((p) => [
    p.name,
    p.type,
    p.type === 'mock' ? 'built-in, offline' : displayURL(p.baseURL),
    p.missingKeyVar ? colors.yellow(`no key: set ${p.missingKeyVar}`) : colors.green('ready'),
  ])
}

export function banner(config: GatewayConfig, url: string): string {
  const lines = [
    `${colors.bold('llm-gateway')} ${VERSION} listening on ${colors.cyan(url)}`,
    `config: ${config.source ?? 'none found — built-in defaults (mock + providers whose keys are in the environment; `llm-gateway init` writes a config to edit)'}`,
    `traffic log: ${config.log.enabled ? `${config.log.dir}${config.log.bodies ? '' : ' (metadata only)'} — llm-gateway logs tail` : 'off'}`,
    '',
    formatTable(['provider', 'type', 'base URL', 'status'], providerRows(config)),
    '',
    'Point the OpenAI and Anthropic SDKs (and tools built on them) at it:',
    `  export OPENAI_BASE_URL=${url}/v1 ANTHROPIC_BASE_URL=${url}`,
    'Try it:',
    `  curl ${url}/v1/chat/completions -H 'content-type: application/json' -d '{"model":"mock/echo","messages":[{"role":"user","content":"hi"}]}'`,
  ]
  return `${lines.join('\n')}\n`
}

/** The config with the command line's overrides (address, log folder) applied. */
function withOverrides(config: GatewayConfig, options: ServeOptions): GatewayConfig {
  const server = { ...config.server, host: options.host ?? config.server.host, port: options.port ?? config.server.port }
  const log = options.logDir ? { ...config.log, dir: expandHome(options.logDir) } : config.log
  return { ...config, server, log }
}

/** A gateway for one config, with its own traffic-log writer (closed, and so flushed, with it). */
function buildGateway(config: GatewayConfig): Gateway {
  return createGateway(config, { recorder: createRecorder(config), cost: createCostFunction(config) })
}

function warnIfOpen(config: GatewayConfig): void {
  const { host, apiKeys } = config.server
  if (!isLoopback(host) && apiKeys.length === 0) {
    process.stderr.write(
      colors.yellow(`warning: listening on ${host} without server.apiKeys — anyone who can reach this port can spend your provider keys\n`),
    )
  }
}

export async function serveCommand(options: ServeOptions): Promise<void> {
  const load = async () => withOverrides(await loadConfig({ configPath: options.config }), options)
  const config = await load()
  const gateway = createHotGateway(buildGateway(config))
  const server = await startServer(gateway, { host: config.server.host, port: config.server.port })
  process.stdout.write(banner(config, server.url))
  warnIfOpen(config)

  // Follow the config file (when there is one): valid edits apply to new requests.
  const watcher = config.source
    ? reloadOnChange({ file: resolve(config.source), load, build: buildGateway, gateway, applied: warnIfOpen })
    : undefined
  shutdownOnSignals({ server, gateway, watcher })
}
