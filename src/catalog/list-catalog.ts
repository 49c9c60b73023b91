import { CATALOG } from './data/index.js'
import type { CatalogModel } from './types.js'

/** Every catalogued model, grouped by owner, newest first within a group. */
export function listCatalog(): readonly CatalogModel[] {
  return CATALOG
}
