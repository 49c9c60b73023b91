/** Zhipu AI's GLM models on Together. Evidence: models.dev (Together, 2026-06-16). */
import type { CatalogModel } from '../types.js'
import { caps, openRouterUnpriced } from './helpers.js'
import { hostPrice } from './host-prices.js'

export const ZHIPU_MODELS: CatalogModel[] = [
  {
    id: 'glm-5.2',
    aliases: [],
    family: 'glm-5',
    owner: 'zhipu',
    status: 'current',
    contextWindow: 262_144,
    maxOutputTokens: 164_000,
    capabilities: caps('tools', 'reasoning', 'caching', 'json'),
    confidence: 'secondary',
    offers: [
      {
        preset: 'together',
        kind: 'openai',
        model: 'zai-org/GLM-5.2',
        price: hostPrice('together', 1.4, 4.4, '2026-06-16', 'secondary', 0.26),
      },
      openRouterUnpriced('z-ai/glm-5.2'),
    ],
    note: 'thinking turns with tool calls expect reasoning_content sent back',
  },
]
