/** The built-in model catalogue: data, lookups, pricing. */
export type {
  Capabilities,
  CatalogModel,
  Confidence,
  LongContextPrice,
  ModelOwner,
  ModelStatus,
  Offer,
  Price,
  Serving,
} from './types.js'
export { CATALOG_REVIEWED_AT } from './data/index.js'
export { findModel } from './find-model.js'
export { listCatalog } from './list-catalog.js'
export { normalizeName } from './name-index.js'
export { kindsServing, offerFor, presetsServing, servingsOf } from './servings.js'
export { costFromPrice, costUsd } from './cost.js'
export { DEFAULT_MAX_OUTPUT_CAP, FALLBACK_MAX_OUTPUT, defaultMaxOutput } from './default-max-output.js'
