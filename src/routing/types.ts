import type { CatalogModel } from '../catalog/index.js'
import type { AliasConfig, RoutingConfig } from '../config/types.js'
import type { Provider } from '../providers/types.js'
import type { BreakerRegistry } from './breaker.js'
import type { ModelListCache } from './model-lists.js'

/** How a name became a target. */
export type ResolvedVia = 'pinned' | 'catalog' | 'declared' | 'provider-list' | 'auto'

/** One place a request can go: a configured provider and its model id. */
export interface Target {
  provider: Provider
  /** Provider-side model id. */
  model: string
  via?: ResolvedVia
  /** The catalogue's entry for the model, when it has one. */
  catalog?: CatalogModel
}

/** What a request needs from a model; `auto` picks by it. */
export interface RequestNeeds {
  tools: boolean
  vision: boolean
  reasoning: boolean
  /** Estimated prompt tokens plus the output asked for. */
  contextTokens: number
}

/** What resolution needs to know about the running gateway. */
export interface RoutingContext {
  providers: ReadonlyMap<string, Provider>
  /** The config's `models` entries: aliases and catalogue overrides. */
  aliases: Readonly<Record<string, AliasConfig>>
  /** Providers' own model lists; absent = not consulted. */
  modelLists?: ModelListCache
  /** Retry, deadline and breaker settings; absent = the defaults. */
  settings?: RoutingConfig
  /** Per-provider circuit breakers; absent = none. */
  breakers?: BreakerRegistry
}
