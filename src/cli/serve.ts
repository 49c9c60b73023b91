/**
 * `llm-gateway serve`: start the proxy and say how to use it — URL, providers
 * (with any missing keys), and the one line that points both SDKs at it.
 */
import { colors } from 'consola/utils'
import { loadConfig } from '../config/load.js'
import type { GatewayConfig } from '../config/types.js'
import { expandHome } from '../config/validate.js'
import { createGateway } from '../gateway/create-gateway.js'
import { createCostFunction } from '../log/cost.js'
import { createRecorder } from '../log/create-recorder.js'
import { displayURL } from '../server/routes/health.js'
import { isLoopback, startServer } from '../server/start-server.js'
import { VERSION } from '../version.js'
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
    `config: ${config.source ?? 'none found — built-in defaults (mock + providers whose keys are in the environment)'}`,
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

export async function serveCommand(options: ServeOptions): Promise<void> {
  const config = await loadConfig({ configPath: options.config })
  const host = options.host ?? config.server.host
  const port = options.port ?? config.server.port
  config.server = { ...config.server, host, port }
  if (options.logDir) config.log = { ...config.log, dir: expandHome(options.logDir) }
  // The traffic log; gateway.close() flushes it on shutdown.
  const gateway = createGateway(config, { recorder: createRecorder(config), cost: createCostFunction(config) })
  const server = await startServer(gateway, { host, port })
  process.stdout.write(banner(config, server.url))
  if (!isLoopback(host) && config.server.apiKeys.length === 0) {
    process.stderr.write(
      colors.yellow(`warning: listening on ${host} without server.apiKeys — anyone who can reach this port can spend your provider keys\n`),
    )
  }

  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    await server.close()
    await gateway.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
