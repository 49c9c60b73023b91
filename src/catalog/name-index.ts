/**
 * Name -> model lookup over ids, aliases and every provider-side id an offer
 * uses, so a model is found by whatever name a client or a log holds.
 */
import type { CatalogModel } from './types.js'

/** Case-insensitive, and Gemini's `models/` resource prefix is ignored. */
export function normalizeName(name: string): string {
  const lower = name.trim().toLowerCase()
  return lower.startsWith('models/') ? lower.slice('models/'.length) : lower
}

/** Every name a model answers to (normalized, without duplicates). */
export function namesOf(model: CatalogModel): string[] {
  const names = [model.id, ...model.aliases, ...model.offers.map((offer) => offer.model)]
  return [...new Set(names.map(normalizeName))]
}

/** First model wins on a clash; `findNameClashes` reports clashes (the data tests keep it empty). */
export function buildNameIndex(models: readonly CatalogModel[]): Map<string, CatalogModel> {
  const index = new Map<string, CatalogModel>()
  for (const model of models) {
    for (const name of namesOf(model)) {
      if (!index.has(name)) index.set(name, model)
    }
  }
  return index
}

export interface NameClash {
  name: string
  models: string[]
}

export function findNameClashes(models: readonly CatalogModel[]): NameClash[] {
  const owners = new Map<string, string[]>()
  for (const model of models) {
    for (const name of namesOf(model)) owners.set(name, [...(owners.get(name) ?? []), model.id])
  }
  return [...owners].filter(([, ids]) => ids.length > 1).map(([name, ids]) => ({ name, models: ids }))
}
