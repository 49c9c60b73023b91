/**
 * DeepSeek's models, on DeepSeek's own API and on hosts of the open weights.
 *
 * DeepSeek bills cache hits at a small fraction of input and has no write
 * charge. Since 2026-08-16 it has peak and off-peak rates (off-peak is half;
 * peak is 01:00-04:00 and 06:00-10:00 UTC on weekdays): the catalogue records
 * the peak (list) rate, so off-peak costs are overestimated up to 2x.
 *
 * deepseek-chat / deepseek-reasoner were aliases of V4-Flash from 2026-04-24
 * and were switched off after 2026-07-24; they stay here with their last
 * V3.2 prices so old logs can still be costed.
 *
 * Evidence: api-docs.deepseek.com pricing (V3.1/V3.2 snapshots), the V4
 * preview announcement, and models.dev notes quoting the pricing page
 * (peak/off-peak, V4.1-Flash) from August-September 2026.
 */
import type { CatalogModel, Offer, Price } from '../types.js'
import { caps, openRouterUnpriced, viaOpenRouter } from './helpers.js'

const SOURCE = 'https://api-docs.deepseek.com/quick_start/pricing'

const flash: Price = {
  input: 0.3,
  output: 1.2,
  cacheRead: 0.006,
  pricedAt: '2026-09-10',
  source: SOURCE,
  confidence: 'unverified',
  note: 'peak rate; off-peak is $0.15 / $0.60 / $0.003 cached',
}
const pro: Price = {
  input: 1.32,
  output: 3.96,
  cacheRead: 0.044,
  pricedAt: '2026-08-17',
  source: SOURCE,
  confidence: 'unverified',
  note: 'peak rate; off-peak is half',
}
const v32: Price = {
  input: 0.28,
  output: 0.42,
  cacheRead: 0.028,
  pricedAt: '2026-04-13',
  source: SOURCE,
  confidence: 'official',
  note: 'V3.2 price; from 2026-04-24 these names were billed as V4-Flash',
}

const CHAT = caps('tools', 'caching', 'json')
const REASONING = caps('tools', 'reasoning', 'caching', 'json')

const together: Offer = {
  preset: 'together',
  kind: 'openai',
  model: 'deepseek-ai/DeepSeek-V4-Pro',
  price: {
    input: 2.1,
    output: 4.4,
    cacheRead: 0.2,
    pricedAt: '2026-04-24',
    source: 'https://www.together.ai/pricing',
    confidence: 'unverified',
  },
  contextWindow: 512_000,
  maxOutputTokens: 384_000,
}

const fireworks: Offer = {
  preset: 'fireworks',
  kind: 'openai',
  model: 'accounts/fireworks/models/deepseek-v4-pro',
  price: {
    input: 1.74,
    output: 3.48,
    cacheRead: 0.15,
    pricedAt: '2026-04-24',
    source: 'https://fireworks.ai/pricing',
    confidence: 'unverified',
  },
  maxOutputTokens: 131_072,
}

function direct(id: string, price: Price): Offer {
  return { preset: 'deepseek', kind: 'openai', model: id, price, firstParty: true }
}

export const DEEPSEEK_MODELS: CatalogModel[] = [
  {
    id: 'deepseek-v4-pro',
    aliases: [],
    family: 'deepseek-v4',
    owner: 'deepseek',
    status: 'current',
    contextWindow: 1_000_000,
    maxOutputTokens: 393_216,
    capabilities: REASONING,
    confidence: 'secondary',
    offers: [direct('deepseek-v4-pro', pro), together, fireworks, viaOpenRouter('deepseek/deepseek-v4-pro', pro)],
    note: 'thinking is on by default; tool-call turns must send reasoning_content back',
  },
  {
    id: 'deepseek-flash',
    aliases: ['deepseek-v4-flash', 'deepseek-v4.1-flash'],
    family: 'deepseek-v4',
    owner: 'deepseek',
    status: 'current',
    contextWindow: 1_000_000,
    maxOutputTokens: 393_216,
    capabilities: REASONING,
    confidence: 'unverified',
    offers: [direct('deepseek-flash', flash), viaOpenRouter('deepseek/deepseek-v4.1-flash', flash)],
    note: 'V4.1-Flash; the old deepseek-v4-flash name is still accepted and served by it',
  },
  {
    id: 'deepseek-chat',
    aliases: [],
    family: 'deepseek-v3',
    owner: 'deepseek',
    status: 'retired',
    contextWindow: 128_000,
    maxOutputTokens: 8_192,
    capabilities: CHAT,
    confidence: 'official',
    offers: [direct('deepseek-chat', v32), openRouterUnpriced('deepseek/deepseek-chat')],
    replacedBy: 'deepseek-flash',
    note: 'retired after 2026-07-24',
  },
  {
    id: 'deepseek-reasoner',
    aliases: [],
    family: 'deepseek-v3',
    owner: 'deepseek',
    status: 'retired',
    contextWindow: 128_000,
    maxOutputTokens: 65_536,
    capabilities: REASONING,
    confidence: 'official',
    offers: [direct('deepseek-reasoner', v32)],
    replacedBy: 'deepseek-flash',
    note: 'retired after 2026-07-24',
  },
]
