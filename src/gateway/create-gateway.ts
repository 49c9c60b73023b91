/**
 * The running gateway: providers built from the config, routing over them, and
 * the recorder that receives the traffic log. Shared by `serve` and the
 * one-off commands.
 */
import type { GatewayConfig } from '../config/types.js'
import { type Recorder, nullRecorder } from '../log/record.js'
import { createProvider } from '../providers/create-provider.js'
import type { Provider } from '../providers/types.js'
import { createRouting, type Routing, type RoutingOptions } from '../routing/create-routing.js'
import { withConfigPrices } from '../routing/model-info.js'
import { type GatewayRuntime, handleRequest } from './handle-request.js'
import type { CostFunction } from './request-trace.js'
import type { GatewayResponse, InboundRequest } from './types.js'

export interface Gateway {
  readonly config: GatewayConfig
  readonly providers: ReadonlyMap<string, Provider>
  readonly runtime: GatewayRuntime
  /** Long-lived routing state: breakers, provider model lists, settings. */
  readonly routing: Routing
  handle(request: InboundRequest): Promise<GatewayResponse>
  close(): Promise<void>
}

export interface GatewayOptions {
  recorder?: Recorder
  cost?: CostFunction
  /** Routing knobs for tests (an injected clock). */
  routing?: RoutingOptions
}

export function createGateway(config: GatewayConfig, options: GatewayOptions = {}): Gateway {
  const providers = new Map<string, Provider>()
  for (const providerConfig of Object.values(config.providers)) providers.set(providerConfig.name, createProvider(providerConfig))
  const routing = createRouting(config, providers, options.routing)
  const runtime: GatewayRuntime = {
    routing,
    recorder: options.recorder ?? nullRecorder,
    // Prices from the config's `models` entries win over the catalogue's.
    cost: withConfigPrices(config.models, options.cost ?? (() => null)),
  }
  return {
    config,
    providers,
    runtime,
    routing,
    handle: (request) => handleRequest(runtime, request),
    async close() {
      routing.close()
      await Promise.all([...providers.values()].map((p) => p.close?.()))
      await runtime.recorder.close?.()
    },
  }
}
