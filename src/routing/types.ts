import type { Provider } from '../providers/types.js'

/** One place a request can go: a configured provider and its model id. */
export interface Target {
  provider: Provider
  /** Provider-side model id. */
  model: string
}

/** What resolution needs to know about the running gateway. */
export interface RoutingContext {
  providers: ReadonlyMap<string, Provider>
  aliases: Readonly<Record<string, { targets: string[] }>>
}
