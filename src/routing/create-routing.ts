/**
 * The routing state that lives as long as the gateway: circuit breakers and
 * the providers' model lists. Built once from the config.
 */
import type { GatewayConfig } from '../config/types.js'
import type { Provider } from '../providers/types.js'
import { BreakerRegistry } from './breaker.js'
import { DEFAULT_ROUTING } from './defaults.js'
import { ModelListCache } from './model-lists.js'
import type { RoutingContext } from './types.js'

export interface RoutingOptions {
  /** Clock for breakers and list ages (tests inject one). */
  now?: () => number
}

export interface Routing extends RoutingContext {
  settings: NonNullable<RoutingContext['settings']>
  breakers: BreakerRegistry
  modelLists: ModelListCache
  close(): void
}

export function createRouting(config: GatewayConfig, providers: ReadonlyMap<string, Provider>, options: RoutingOptions = {}): Routing {
  const settings = config.routing ?? DEFAULT_ROUTING
  const modelLists = new ModelListCache(providers, settings.modelLists, options.now)
  return {
    providers,
    aliases: config.models,
    settings,
    breakers: new BreakerRegistry(settings.breaker, options.now),
    modelLists,
    close: () => modelLists.close(),
  }
}
