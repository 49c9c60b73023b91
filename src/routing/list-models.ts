/**
 * Every name this configuration can route: aliases and `provider/model` for the
 * models each provider declares. The `models` command and GET /v1/models both
 * answer from here.
 */
import type { GatewayConfig } from '../config/types.js'

export interface RoutableModel {
  /** The name a client sends as `model`. */
  id: string
  kind: 'alias' | 'model'
  /** Provider config name (null for an alias). */
  provider: string | null
  /** Provider-side model id (null for an alias). */
  providerModel: string | null
  /** For aliases: the targets in fallback order. */
  targets?: string[]
}

/** What the mock answers to, so `mock/echo` shows up as routable. */
const MOCK_MODELS = ['echo']

export function listRoutableModels(config: GatewayConfig): RoutableModel[] {
  const models: RoutableModel[] = []
  for (const [id, alias] of Object.entries(config.models)) {
    models.push({ id, kind: 'alias', provider: null, providerModel: null, targets: alias.targets })
  }
  for (const provider of Object.values(config.providers)) {
    const declared = provider.type === 'mock' && provider.models.length === 0 ? MOCK_MODELS : provider.models
    for (const model of declared) {
      models.push({ id: `${provider.name}/${model}`, kind: 'model', provider: provider.name, providerModel: model })
    }
  }
  return models
}
