/**
 * xAI's Grok models. Requests over 200K prompt tokens are billed at a higher
 * rate. On 2026-05-15 xAI retired grok-3, grok-4-0709, the grok-4(-1)-fast
 * pair and grok-code-fast-1: those slugs still resolve, are served by grok-4.3
 * and are billed at its price, so they are catalogued as aliases of grok-4.3.
 *
 * Evidence: docs.x.ai (grok-4.3 model page, the May 15 retirement guide),
 * archived xAI pricing pages (grok-3-mini), models.dev for grok-4.5 to 4.7.
 */
import type { CatalogModel, Confidence, Price } from '../types.js'
import { caps, viaOpenRouter } from './helpers.js'

const SOURCE = 'https://docs.x.ai/developers/pricing'

function price(input: number, output: number, cacheRead: number, pricedAt: string, confidence: Confidence): Price {
  return { input, output, cacheRead, pricedAt, source: SOURCE, confidence }
}

const REASONING = caps('tools', 'vision', 'reasoning', 'caching', 'json')

const grok45Price: Price = {
  ...price(2, 6, 0.5, '2026-09-21', 'unverified'),
  longContext: { aboveInputTokens: 200_000, input: 4, output: 12, cacheRead: 1 },
  note: 'from models.dev (citing docs.x.ai); not on a stored xAI page',
}
const grok43Price: Price = {
  ...price(1.25, 2.5, 0.2, '2026-05-15', 'official'),
  longContext: { aboveInputTokens: 200_000, input: 2.5, output: 5, cacheRead: 0.4 },
}
const grok420Price: Price = {
  ...price(1.25, 2.5, 0.2, '2026-05-20', 'unverified'),
  note: 'launched at $2/$6; later listings show $1.25/$2.50; its >200K rate is unconfirmed and not modelled',
}

function offers(id: string, p: Price, openRouterId: string | null) {
  const direct = { preset: 'xai', kind: 'openai' as const, model: id, price: p, firstParty: true }
  return openRouterId ? [direct, viaOpenRouter(openRouterId, p)] : [direct]
}

export const XAI_MODELS: CatalogModel[] = [
  {
    id: 'grok-4.7',
    aliases: [],
    family: 'grok-4',
    owner: 'xai',
    status: 'current',
    contextWindow: 500_000,
    maxOutputTokens: 500_000,
    capabilities: REASONING,
    confidence: 'unverified',
    offers: offers('grok-4.7', grok45Price, 'x-ai/grok-4.7'),
  },
  {
    id: 'grok-4.6',
    aliases: [],
    family: 'grok-4',
    owner: 'xai',
    status: 'current',
    contextWindow: 500_000,
    maxOutputTokens: 500_000,
    capabilities: REASONING,
    confidence: 'unverified',
    offers: offers('grok-4.6', grok45Price, null),
    note: 'limits assumed equal to grok-4.5',
  },
  {
    id: 'grok-4.5',
    aliases: [],
    family: 'grok-4',
    owner: 'xai',
    status: 'current',
    contextWindow: 500_000,
    maxOutputTokens: 500_000,
    capabilities: REASONING,
    confidence: 'unverified',
    offers: offers('grok-4.5', grok45Price, 'x-ai/grok-4.5'),
  },
  {
    id: 'grok-4.3',
    aliases: [
      'grok-4-1-fast-reasoning',
      'grok-4-1-fast-non-reasoning',
      'grok-4-fast-reasoning',
      'grok-4-fast-non-reasoning',
      'grok-4-0709',
      'grok-4',
      'grok-code-fast-1',
      'grok-3',
    ],
    family: 'grok-4',
    owner: 'xai',
    status: 'current',
    contextWindow: 1_000_000,
    maxOutputTokens: 30_000,
    capabilities: REASONING,
    confidence: 'secondary',
    offers: offers('grok-4.3', grok43Price, 'x-ai/grok-4.3'),
    note: 'retired slugs (aliases) run grok-4.3 at low (reasoning) or none (non-reasoning) effort',
  },
  {
    id: 'grok-4.20-0309-reasoning',
    aliases: ['grok-4.20-reasoning', 'grok-4.20'],
    family: 'grok-4',
    owner: 'xai',
    status: 'legacy',
    contextWindow: 2_000_000,
    maxOutputTokens: 30_000,
    capabilities: REASONING,
    confidence: 'unverified',
    offers: offers('grok-4.20-0309-reasoning', grok420Price, 'x-ai/grok-4.20'),
  },
  {
    id: 'grok-4.20-0309-non-reasoning',
    aliases: ['grok-4.20-non-reasoning'],
    family: 'grok-4',
    owner: 'xai',
    status: 'legacy',
    contextWindow: 2_000_000,
    maxOutputTokens: 30_000,
    capabilities: caps('tools', 'vision', 'caching', 'json'),
    confidence: 'unverified',
    offers: offers('grok-4.20-0309-non-reasoning', grok420Price, null),
  },
  {
    id: 'grok-3-mini',
    aliases: ['grok-3-mini-latest'],
    family: 'grok-3',
    owner: 'xai',
    status: 'legacy',
    contextWindow: 131_072,
    maxOutputTokens: 131_072,
    capabilities: caps('tools', 'reasoning', 'caching', 'json'),
    confidence: 'official',
    offers: offers('grok-3-mini', price(0.3, 0.5, 0.075, '2025-10-21', 'official'), 'x-ai/grok-3-mini'),
    note: 'not in the May 2026 retirement list; availability after it unconfirmed',
  },
]
