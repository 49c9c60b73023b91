/** Alibaba's Qwen models on Groq. Evidence: models.dev (Groq). */
import type { CatalogModel } from '../types.js'
import { caps } from './helpers.js'
import { hostPrice } from './host-prices.js'

export const ALIBABA_MODELS: CatalogModel[] = [
  {
    id: 'qwen3-32b',
    aliases: [],
    family: 'qwen3',
    owner: 'alibaba',
    status: 'current',
    contextWindow: 131_072,
    maxOutputTokens: 40_960,
    capabilities: caps('tools', 'reasoning', 'json'),
    confidence: 'unverified',
    offers: [
      {
        preset: 'groq',
        kind: 'openai',
        model: 'qwen/qwen3-32b',
        price: hostPrice('groq', 0.29, 0.59, '2026-01-15', 'unverified'),
      },
    ],
  },
]
