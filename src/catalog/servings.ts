/**
 * Who serves a bare model name: what routing needs to turn a name into
 * targets on the configured providers.
 */
import type { WireFormatName } from '../ir/types.js'
import { findModel } from './find-model.js'
import { normalizeName } from './name-index.js'
import type { CatalogModel, Offer, Serving } from './types.js'

function isNamed(offer: Offer, name: string): boolean {
  return normalizeName(offer.model) === normalizeName(name)
}

/**
 * Every offer of the model a name refers to. Offers whose provider-side id is
 * the very name asked for come first (asking for `llama-3.3-70b-versatile`
 * prefers Groq), then the rest in catalogue order (the owner's API first).
 * Empty for unknown names.
 */
export function servingsOf(name: string): Serving[] {
  const model = findModel(name)
  if (!model) return []
  const exact = model.offers.filter((offer) => isNamed(offer, name))
  const rest = model.offers.filter((offer) => !isNamed(offer, name))
  return [...exact, ...rest].map((offer) => ({ model, offer }))
}

/** Preset names that serve a name, in `servingsOf` order, without repeats. */
export function presetsServing(name: string): string[] {
  return [...new Set(servingsOf(name).map((serving) => serving.offer.preset))]
}

/** Wire formats the name can be reached through, in `servingsOf` order. */
export function kindsServing(name: string): WireFormatName[] {
  return [...new Set(servingsOf(name).map((serving) => serving.offer.kind))]
}

/**
 * The offer that applies to a call: the one for `preset` when given (none if
 * that preset is not a known host of the model); otherwise the offer whose id
 * is `name`, preferring the owner's API, then the owner's API, then the first.
 */
export function offerFor(model: CatalogModel, options: { preset?: string; name?: string } = {}): Offer | undefined {
  const { preset, name } = options
  if (preset !== undefined) return model.offers.find((offer) => offer.preset === preset)
  const named = name === undefined ? [] : model.offers.filter((offer) => isNamed(offer, name))
  return (
    named.find((offer) => offer.firstParty) ??
    named[0] ??
    model.offers.find((offer) => offer.firstParty) ??
    model.offers[0]
  )
}
