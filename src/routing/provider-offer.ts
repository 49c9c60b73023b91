/**
 * Which catalogue offers a configured provider can serve: its preset's offers,
 * or — for a provider without a preset (a proxy, a self-hosted endpoint) — the
 * model owner's own API ids when it speaks the same wire format.
 */
import { offerFor, type CatalogModel, type Offer } from '../catalog/index.js'
import type { ProviderConfig } from '../config/types.js'

export function servesOffer(provider: ProviderConfig, model: CatalogModel, offer: Offer): boolean {
  if (provider.type === 'mock') return false
  // OpenAI serves these only on the Responses API, which the `openai` wire (Chat Completions) cannot reach.
  if (model.responsesOnly && offer.firstParty && offer.kind === 'openai') return false
  if (provider.preset) return provider.preset === offer.preset && provider.type === offer.kind
  return offer.firstParty === true && provider.type === offer.kind
}

/** The offer whose figures apply to a call of `name` on this provider. */
export function offerOn(provider: ProviderConfig, model: CatalogModel, name: string): Offer | undefined {
  if (provider.preset) {
    const offer = offerFor(model, { preset: provider.preset })
    if (offer) return offer
  }
  return offerFor(model, { name })
}
