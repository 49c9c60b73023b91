/**
 * Moonshot AI's Kimi models, served by hosts of the open weights.
 * Evidence: models.dev entries for Together and Fireworks (April 2026) and
 * for Groq's Kimi K2.
 */
import type { CatalogModel } from '../types.js'
import { caps, openRouterUnpriced } from './helpers.js'
import { hostPrice } from './host-prices.js'

export const MOONSHOT_MODELS: CatalogModel[] = [
  {
    id: 'kimi-k2.6',
    aliases: [],
    family: 'kimi-k2',
    owner: 'moonshot',
    status: 'current',
    contextWindow: 262_144,
    maxOutputTokens: 131_000,
    capabilities: caps('tools', 'vision', 'reasoning', 'caching', 'json'),
    confidence: 'secondary',
    offers: [
      {
        preset: 'together',
        kind: 'openai',
        model: 'moonshotai/Kimi-K2.6',
        price: hostPrice('together', 1.2, 4.5, '2026-04-21', 'secondary', 0.2),
      },
      {
        preset: 'fireworks',
        kind: 'openai',
        model: 'accounts/fireworks/models/kimi-k2p6',
        price: hostPrice('fireworks', 0.95, 4, '2026-04-17', 'secondary', 0.16),
        contextWindow: 262_000,
      },
      openRouterUnpriced('moonshotai/kimi-k2.6'),
    ],
    note: 'thinking turns with tool calls expect reasoning_content sent back',
  },
  {
    id: 'kimi-k2-instruct-0905',
    aliases: ['kimi-k2-instruct', 'kimi-k2'],
    family: 'kimi-k2',
    owner: 'moonshot',
    status: 'legacy',
    contextWindow: 262_144,
    maxOutputTokens: 16_384,
    capabilities: caps('tools', 'json'),
    confidence: 'unverified',
    offers: [
      {
        preset: 'groq',
        kind: 'openai',
        model: 'moonshotai/kimi-k2-instruct-0905',
        price: hostPrice('groq', 1, 3, '2025-12-01', 'unverified'),
      },
    ],
  },
]
