/** What a call cost, from its usage and the catalogue's list prices. */
import type { Usage } from '../ir/types.js'
import { findModel } from './find-model.js'
import { offerFor } from './servings.js'
import type { CatalogModel, Price } from './types.js'

const PER_TOKEN = 1 / 1_000_000

/** Tokens that make up the prompt (IR `inputTokens` excludes the cached ones). */
function promptTokens(usage: Usage): number {
  return usage.inputTokens + (usage.cacheReadTokens ?? 0) + (usage.cacheWriteTokens ?? 0)
}

/** The rates that apply: the long-context tier once the prompt passes its threshold. */
function ratesFor(price: Price, usage: Usage): Omit<Price, 'longContext' | 'pricedAt' | 'source' | 'confidence'> {
  const tier = price.longContext
  return tier && promptTokens(usage) > tier.aboveInputTokens ? tier : price
}

/**
 * USD for one call at `price`. Cache tokens without a cache rate are billed
 * as plain input. Reasoning tokens are part of `outputTokens` and not added.
 */
export function costFromPrice(price: Price, usage: Usage): number {
  const rates = ratesFor(price, usage)
  const usd =
    usage.inputTokens * rates.input +
    usage.outputTokens * rates.output +
    (usage.cacheReadTokens ?? 0) * (rates.cacheRead ?? rates.input) +
    (usage.cacheWriteTokens ?? 0) * (rates.cacheWrite ?? rates.input)
  // Rounded to a billionth of a cent so sums of logged costs stay tidy.
  return Math.round(usd * PER_TOKEN * 1e11) / 1e11
}

/**
 * USD for one call, or null when the model is unknown or not priced for that
 * host. `model` is a name (id, alias or provider-side id) or a catalogue
 * entry; `preset` picks the host's price (pass the provider's preset).
 */
export function costUsd(model: string | CatalogModel, usage: Usage, preset?: string): number | null {
  const entry = typeof model === 'string' ? findModel(model) : model
  if (!entry) return null
  const offer = offerFor(entry, { preset, name: typeof model === 'string' ? model : undefined })
  return offer?.price ? costFromPrice(offer.price, usage) : null
}
