/**
 * What the gateway knows about a routable model: limits, prices and
 * capabilities from the catalogue, corrected or added by the config's
 * `models` entries. The listing, `auto` and the logged cost read it here.
 */
import { costFromPrice, findModel, type Capabilities, type CatalogModel, type ModelStatus, type Price } from '../catalog/index.js'
import type { AliasConfig, ModelOverrides } from '../config/types.js'
import type { CostFunction } from '../gateway/request-trace.js'
import { offerOn } from './provider-offer.js'
import type { Target } from './types.js'

/** USD per million tokens. */
export interface ModelPricing {
  input: number
  output: number
  cacheRead?: number
  cacheWrite?: number
  /** When and where the catalogue read the figure; absent for config prices. */
  pricedAt?: string
  source?: string
}

export interface ModelInfo {
  /** The catalogue id, when the catalogue knows the model. */
  catalogId: string | null
  contextWindow: number | null
  maxOutputTokens: number | null
  pricing: ModelPricing | null
  capabilities: Capabilities | null
  status: ModelStatus | null
  /** What the provider recommends instead of a retired or deprecated model. */
  replacedBy: string | null
  description: string | null
}

export const UNKNOWN_INFO: ModelInfo = {
  catalogId: null,
  contextWindow: null,
  maxOutputTokens: null,
  pricing: null,
  capabilities: null,
  status: null,
  replacedBy: null,
  description: null,
}

/** The offline mock: free, and it plays along with tools, images and thinking. */
const MOCK_INFO: ModelInfo = {
  ...UNKNOWN_INFO,
  pricing: { input: 0, output: 0 },
  capabilities: { tools: true, vision: true, reasoning: true, caching: false, json: false },
  description: 'offline echo (built in)',
}

function pricingOf(price: Price | null | undefined): ModelPricing | null {
  if (!price) return null
  const out: ModelPricing = { input: price.input, output: price.output }
  if (price.cacheRead !== undefined) out.cacheRead = price.cacheRead
  if (price.cacheWrite !== undefined) out.cacheWrite = price.cacheWrite
  out.pricedAt = price.pricedAt
  out.source = price.source
  return out
}

const NO_CAPABILITIES: Capabilities = { tools: false, vision: false, reasoning: false, caching: false, json: false }

/** Config figures over catalogue ones; a partial capability list amends the catalogue's. */
export function applyOverrides(info: ModelInfo, overrides: ModelOverrides | undefined): ModelInfo {
  if (!overrides) return info
  return {
    ...info,
    contextWindow: overrides.contextWindow ?? info.contextWindow,
    maxOutputTokens: overrides.maxOutputTokens ?? info.maxOutputTokens,
    pricing: overrides.pricing ? { ...overrides.pricing } : info.pricing,
    capabilities: overrides.capabilities ? { ...(info.capabilities ?? NO_CAPABILITIES), ...overrides.capabilities } : info.capabilities,
    description: overrides.description ?? info.description,
  }
}

/** The catalogue's figures for a model as one host serves it. */
export function catalogInfo(model: CatalogModel, target?: Target): ModelInfo {
  const offer = target ? offerOn(target.provider.config, model, target.model) : model.offers.find((o) => o.firstParty) ?? model.offers[0]
  return {
    catalogId: model.id,
    contextWindow: offer?.contextWindow ?? model.contextWindow,
    maxOutputTokens: offer?.maxOutputTokens ?? model.maxOutputTokens,
    pricing: pricingOf(offer?.price),
    capabilities: { ...model.capabilities },
    status: model.status,
    replacedBy: model.replacedBy ?? null,
    description: null,
  }
}

/**
 * Config entries that describe a model: keyed by its catalogue id, by the
 * provider-side id, or by `provider/model`, merged in that order (the most
 * specific wins).
 */
export function overridesFor(aliases: Readonly<Record<string, AliasConfig>>, provider: string, model: string, catalogId: string | null): ModelOverrides | undefined {
  const keys = [catalogId, model, `${provider}/${model}`].filter((k): k is string => k !== null)
  const found = [...new Set(keys)].map((key) => aliases[key]).filter((entry): entry is AliasConfig => entry !== undefined)
  if (found.length === 0) return undefined
  return found.reduce<ModelOverrides>((merged, entry) => {
    const capabilities = entry.capabilities ? { ...merged.capabilities, ...entry.capabilities } : merged.capabilities
    return { ...merged, ...stripTargets(entry), ...(capabilities ? { capabilities } : {}) }
  }, {})
}

function stripTargets(entry: AliasConfig): ModelOverrides {
  const { targets: _targets, ...overrides } = entry
  return overrides
}

/** Everything known about one target, overrides applied. */
export function targetInfo(target: Target, aliases: Readonly<Record<string, AliasConfig>>): ModelInfo {
  if (target.provider.config.type === 'mock') return applyOverrides(MOCK_INFO, overridesFor(aliases, target.provider.name, target.model, null))
  const catalog = target.catalog ?? findModel(target.model)
  const base = catalog ? catalogInfo(catalog, target) : UNKNOWN_INFO
  return applyOverrides(base, overridesFor(aliases, target.provider.name, target.model, catalog?.id ?? null))
}

/** An alias's figures: its first target's, with the alias's own entry on top. */
export function aliasInfo(alias: AliasConfig, first: Target | undefined, aliases: Readonly<Record<string, AliasConfig>>): ModelInfo {
  const base = first ? targetInfo(first, aliases) : UNKNOWN_INFO
  return applyOverrides(base, stripTargets(alias))
}

/**
 * The log's cost function with the config's prices first: a `models` entry
 * with `pricing` for the model (or an alias whose targets include
 * `provider/model`) decides the cost; otherwise `fallback` (the catalogue's).
 */
export function withConfigPrices(aliases: Readonly<Record<string, AliasConfig>>, fallback: CostFunction): CostFunction {
  const priced = Object.entries(aliases).filter(([, entry]) => entry.pricing)
  if (priced.length === 0) return fallback
  return (model, usage, provider) => {
    const catalogId = findModel(model)?.id ?? null
    const direct = provider === null ? undefined : overridesFor(aliases, provider, model, catalogId)?.pricing
    const viaAlias = provider === null ? undefined : priced.find(([, entry]) => entry.targets.includes(`${provider}/${model}`))?.[1].pricing
    const price = direct ?? viaAlias
    if (!price) return fallback(model, usage, provider)
    return costFromPrice({ ...price, pricedAt: '', source: 'config', confidence: 'official' }, usage)
  }
}
