/**
 * Meta's Llama models, served by hosts of the open weights. The canonical id
 * is Meta's model name; each host knows it by its own id.
 *
 * Evidence: Groq's long-standing list prices (widely quoted), models.dev for
 * Together; Fireworks' Llama 3.3 price is from memory of its pricing page.
 */
import type { CatalogModel } from '../types.js'
import { caps, openRouterUnpriced } from './helpers.js'
import { hostPrice } from './host-prices.js'

export const META_MODELS: CatalogModel[] = [
  {
    id: 'llama-3.3-70b-instruct',
    aliases: ['llama-3.3-70b'],
    family: 'llama-3.3',
    owner: 'meta',
    status: 'legacy',
    contextWindow: 131_072,
    maxOutputTokens: 32_768,
    capabilities: caps('tools', 'json'),
    confidence: 'secondary',
    offers: [
      {
        preset: 'groq',
        kind: 'openai',
        model: 'llama-3.3-70b-versatile',
        price: hostPrice('groq', 0.59, 0.79, '2026-03-01', 'secondary'),
      },
      {
        preset: 'together',
        kind: 'openai',
        model: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
        price: hostPrice('together', 0.88, 0.88, '2026-03-01', 'secondary'),
        maxOutputTokens: 8_192,
      },
      {
        preset: 'fireworks',
        kind: 'openai',
        model: 'accounts/fireworks/models/llama-v3p3-70b-instruct',
        price: hostPrice('fireworks', 0.9, 0.9, '2025-12-01', 'unverified'),
        maxOutputTokens: 16_384,
      },
      openRouterUnpriced('meta-llama/llama-3.3-70b-instruct'),
    ],
  },
  {
    id: 'llama-3.1-8b-instruct',
    aliases: ['llama-3.1-8b'],
    family: 'llama-3.1',
    owner: 'meta',
    status: 'legacy',
    contextWindow: 131_072,
    maxOutputTokens: 131_072,
    capabilities: caps('tools', 'json'),
    confidence: 'secondary',
    offers: [
      {
        preset: 'groq',
        kind: 'openai',
        model: 'llama-3.1-8b-instant',
        price: hostPrice('groq', 0.05, 0.08, '2026-03-01', 'secondary'),
      },
      openRouterUnpriced('meta-llama/llama-3.1-8b-instruct'),
    ],
  },
]
