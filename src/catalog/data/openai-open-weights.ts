/**
 * OpenAI's open-weight gpt-oss models (owner OpenAI, served by hosts only).
 * Groq, Together and OpenRouter all use the id `openai/gpt-oss-120b`, so the
 * preset decides which price applies.
 *
 * Evidence: models.dev entries for Groq (updated 2026-05-27) and Fireworks.
 */
import type { CatalogModel } from '../types.js'
import { caps, openRouterUnpriced } from './helpers.js'
import { hostPrice } from './host-prices.js'

const REASONING = caps('tools', 'reasoning', 'caching', 'json')

export const OPENAI_OPEN_WEIGHT_MODELS: CatalogModel[] = [
  {
    id: 'gpt-oss-120b',
    aliases: [],
    family: 'gpt-oss',
    owner: 'openai',
    status: 'current',
    contextWindow: 131_072,
    maxOutputTokens: 65_536,
    capabilities: REASONING,
    confidence: 'secondary',
    offers: [
      {
        preset: 'groq',
        kind: 'openai',
        model: 'openai/gpt-oss-120b',
        price: hostPrice('groq', 0.15, 0.6, '2026-05-27', 'secondary', 0.075),
      },
      {
        preset: 'together',
        kind: 'openai',
        model: 'openai/gpt-oss-120b',
        price: hostPrice('together', 0.15, 0.6, '2025-12-01', 'unverified'),
      },
      {
        preset: 'fireworks',
        kind: 'openai',
        model: 'accounts/fireworks/models/gpt-oss-120b',
        price: hostPrice('fireworks', 0.15, 0.6, '2025-08-05', 'secondary', 0.01),
        maxOutputTokens: 32_768,
      },
      openRouterUnpriced('openai/gpt-oss-120b'),
    ],
  },
  {
    id: 'gpt-oss-20b',
    aliases: [],
    family: 'gpt-oss',
    owner: 'openai',
    status: 'current',
    contextWindow: 131_072,
    maxOutputTokens: 65_536,
    capabilities: REASONING,
    confidence: 'secondary',
    offers: [
      {
        preset: 'groq',
        kind: 'openai',
        model: 'openai/gpt-oss-20b',
        price: hostPrice('groq', 0.075, 0.3, '2026-05-27', 'secondary', 0.0375),
      },
      openRouterUnpriced('openai/gpt-oss-20b'),
    ],
  },
]
