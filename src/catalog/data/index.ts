/** Every catalogued model, grouped by owner, newest first within each group. */
import type { CatalogModel } from '../types.js'
import { ALIBABA_MODELS } from './alibaba.js'
import { ANTHROPIC_MODELS } from './anthropic.js'
import { DEEPSEEK_MODELS } from './deepseek.js'
import { GOOGLE_MODELS } from './google.js'
import { META_MODELS } from './meta.js'
import { MISTRAL_MODELS } from './mistral.js'
import { MOONSHOT_MODELS } from './moonshot.js'
import { OPENAI_OPEN_WEIGHT_MODELS } from './openai-open-weights.js'
import { OPENAI_MODELS } from './openai.js'
import { XAI_MODELS } from './xai.js'
import { ZHIPU_MODELS } from './zhipu.js'

/** The date the catalogue was last reviewed as a whole. */
export const CATALOG_REVIEWED_AT = '2026-11-25'

export const CATALOG: readonly CatalogModel[] = [
  ...OPENAI_MODELS,
  ...ANTHROPIC_MODELS,
  ...GOOGLE_MODELS,
  ...XAI_MODELS,
  ...DEEPSEEK_MODELS,
  ...MISTRAL_MODELS,
  ...OPENAI_OPEN_WEIGHT_MODELS,
  ...META_MODELS,
  ...MOONSHOT_MODELS,
  ...ALIBABA_MODELS,
  ...ZHIPU_MODELS,
]
