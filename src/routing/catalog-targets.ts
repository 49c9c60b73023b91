/**
 * Names through the catalogue: a bare name goes to every configured provider
 * that serves the model it names (owner's API first, then hosts, in the
 * catalogue's order), with the provider-side id each one expects. A provider
 * serves a model when its preset is one of the model's hosts, or — without a
 * preset — when it speaks the owner's wire format and its model list (if it
 * has one) does not say otherwise.
 */
import { findModel, servingsOf, type CatalogModel } from '../catalog/index.js'
import type { Provider } from '../providers/types.js'
import { servesOffer } from './provider-offer.js'
import type { RoutingContext, Target } from './types.js'

export interface CatalogResolution {
  /** The model the name refers to, when the catalogue knows it. */
  model?: CatalogModel
  targets: Target[]
}

/**
 * A provider without a preset serves the owner's ids only by a guess (it
 * speaks the same wire format: a proxy, a self-hosted endpoint). Its own model
 * list settles the guess when there is one; `strict` also requires a list.
 */
function guessHolds(provider: Provider, model: string, context: Pick<RoutingContext, 'modelLists'>, strict: boolean): boolean {
  if (provider.config.preset) return true
  const listed = context.modelLists?.has(provider.name, model)
  return strict ? listed === true : listed !== false
}

export function catalogTargets(name: string, context: Pick<RoutingContext, 'providers' | 'modelLists'>, strict = false): CatalogResolution {
  const servings = servingsOf(name)
  if (servings.length === 0) return { targets: [] }
  const model = servings[0].model
  const targets: Target[] = []
  for (const { offer } of servings) {
    for (const provider of context.providers.values()) {
      if (servesOffer(provider.config, model, offer) && guessHolds(provider, offer.model, context, strict)) {
        targets.push({ provider, model: offer.model, via: 'catalog', catalog: model })
      }
    }
  }
  return { model, targets }
}

/**
 * Every configured provider a catalogue model can go to (for listings and
 * `auto`); `strict` leaves out providers that serve it only by a guess their
 * own model list does not confirm.
 */
export function catalogModelTargets(model: CatalogModel, context: Pick<RoutingContext, 'providers' | 'modelLists'>, strict = false): Target[] {
  return catalogTargets(model.id, context, strict).targets
}

/**
 * `provider/model` pins a configured provider. The model part goes upstream
 * as written, except that a catalogue name pinned to a host with its own ids
 * becomes that host's id (`groq/llama-3.3-70b-instruct` -> `llama-3.3-70b-versatile`).
 */
export function pinnedTarget(name: string, providers: ReadonlyMap<string, Provider>): Target | undefined {
  const slash = name.indexOf('/')
  if (slash <= 0) return undefined
  const provider = providers.get(name.slice(0, slash))
  const model = name.slice(slash + 1)
  if (!provider || !model) return undefined
  const catalog = provider.config.type === 'mock' ? undefined : findModel(model)
  const offer = catalog && provider.config.preset ? catalog.offers.find((o) => o.preset === provider.config.preset) : undefined
  const upstream = offer && !offer.firstParty ? offer.model : model
  return { provider, model: upstream, via: 'pinned', ...(catalog ? { catalog } : {}) }
}

/** What the mock answers to when its config lists no models. */
export const MOCK_MODELS = ['echo']

export function declaredModels(provider: Provider): string[] {
  const declared = provider.config.models
  return provider.config.type === 'mock' && declared.length === 0 ? MOCK_MODELS : declared
}

/** Providers whose config `models` list has the name. */
export function declaredTargets(name: string, providers: ReadonlyMap<string, Provider>): Target[] {
  const targets: Target[] = []
  for (const provider of providers.values()) {
    if (declaredModels(provider).includes(name)) {
      const catalog = provider.config.type === 'mock' ? undefined : findModel(name)
      targets.push({ provider, model: name, via: 'declared', ...(catalog ? { catalog } : {}) })
    }
  }
  return targets
}
