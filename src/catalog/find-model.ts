import { CATALOG } from './data/index.js'
import { buildNameIndex, normalizeName } from './name-index.js'
import type { CatalogModel } from './types.js'

let index: Map<string, CatalogModel> | undefined

/**
 * The model a name refers to: its id, an alias (dated snapshot, short name)
 * or any provider-side id it is served under (e.g. `llama-3.3-70b-versatile`,
 * `anthropic/claude-sonnet-4.5`). Case-insensitive.
 */
export function findModel(name: string): CatalogModel | undefined {
  index ??= buildNameIndex(CATALOG)
  return index.get(normalizeName(name))
}
