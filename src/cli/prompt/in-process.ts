/**
 * The in-process transport: the config's providers and routing, and the same
 * traffic log as `serve` (records marked origin `cli`), without a server.
 */
import { loadConfig } from '../../config/load.js'
import { expandHome } from '../../config/validate.js'
import type { OpenAIQuirks } from '../../formats/types.js'
import { createGateway } from '../../gateway/create-gateway.js'
import { createCostFunction } from '../../log/cost.js'
import { createRecorder } from '../../log/create-recorder.js'
import { resolveModel } from '../../routing/resolve-model.js'
import { VERSION } from '../../version.js'
import { defaultModel } from './default-model.js'
import { ANTHROPIC_VERSION, type Transport, USER_AGENT_PREFIX } from './transport.js'

export interface InProcessOptions {
  config?: string
  logDir?: string
}

export async function inProcessTransport(options: InProcessOptions): Promise<Transport> {
  const config = await loadConfig({ configPath: options.config })
  if (options.logDir) config.log = { ...config.log, dir: expandHome(options.logDir) }
  const gateway = createGateway(config, { recorder: createRecorder(config), cost: createCostFunction(config) })

  return {
    defaultModel: () => defaultModel(config),
    quirksFor(model) {
      try {
        // Any target may serve the request (fallback), so a quirk of any one applies.
        return Object.assign({}, ...resolveModel(model, gateway.runtime.routing).map((t) => t.provider.config.quirks)) as OpenAIQuirks
      } catch {
        return {} // unroutable: the gateway answers with its 404
      }
    },
    send(request, signal) {
      const rawBody = JSON.stringify(request.body)
      const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': `${USER_AGENT_PREFIX}/${VERSION}` }
      if (request.format === 'anthropic') headers['anthropic-version'] = ANTHROPIC_VERSION
      return gateway.handle({
        format: request.format,
        endpoint: request.endpoint,
        operation: 'chat',
        body: request.body,
        rawBody,
        headers,
        signal,
        origin: 'cli',
      })
    },
    // The log's own cost function (config prices over the catalogue's), so footer and log agree.
    cost: gateway.runtime.cost,
    async close() {
      // The log record is handed over on the next turn of the event loop (see RequestTrace.finish).
      await new Promise((resolve) => setImmediate(resolve))
      await gateway.close()
    },
  }
}
