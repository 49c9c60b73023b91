/**
 * OpenAI's API models. OpenAI bills cached input at a discount and charges
 * nothing extra for cache writes. Models with a 1.05M window bill the whole
 * request at 2x input and 1.5x output once the prompt passes 272K tokens.
 *
 * Evidence: developers.openai.com model pages (gpt-5.4, gpt-5.4-pro), several
 * consistent June 2026 reports of the pricing page (gpt-5.5, gpt-5.4 mini/nano),
 * OpenAI community posts (gpt-5.2), and models.dev for the GPT-5.6 tiers and
 * GPT-6 Astra, which the stored pricing pages predate.
 */
import type { Capabilities, CatalogModel, Confidence, Offer, Price } from '../types.js'
import { caps, usd, viaOpenRouter } from './helpers.js'

const SOURCE = 'https://developers.openai.com/api/docs/pricing'
const LONG_CONTEXT_THRESHOLD = 272_000

interface PriceOptions {
  cached?: number
  longContext?: boolean
  note?: string
}

function price(input: number, output: number, pricedAt: string, confidence: Confidence, options: PriceOptions = {}): Price {
  const { cached, longContext, note } = options
  return {
    input,
    output,
    ...(cached !== undefined ? { cacheRead: cached } : {}),
    ...(longContext
      ? {
          longContext: {
            aboveInputTokens: LONG_CONTEXT_THRESHOLD,
            input: usd(input * 2),
            output: usd(output * 1.5),
            ...(cached !== undefined ? { cacheRead: usd(cached * 2) } : {}),
          },
        }
      : {}),
    pricedAt,
    source: SOURCE,
    confidence,
    ...(note ? { note } : {}),
  }
}

function offers(id: string, p: Price | null, openRouter = true): Offer[] {
  const direct: Offer = { preset: 'openai', kind: 'openai', model: id, price: p, firstParty: true }
  return openRouter ? [direct, viaOpenRouter(`openai/${id}`, p)] : [direct]
}

const REASONING = caps('tools', 'vision', 'reasoning', 'caching', 'json')
const CHAT = caps('tools', 'vision', 'caching', 'json')

interface Spec {
  id: string
  aliases?: string[]
  family: string
  status: CatalogModel['status']
  contextWindow: number
  maxOutputTokens: number
  capabilities?: Capabilities
  confidence: Confidence
  price: Price | null
  responsesOnly?: boolean
  openRouter?: boolean
  note?: string
}

function model(spec: Spec): CatalogModel {
  return {
    id: spec.id,
    aliases: spec.aliases ?? [],
    family: spec.family,
    owner: 'openai',
    status: spec.status,
    contextWindow: spec.contextWindow,
    maxOutputTokens: spec.maxOutputTokens,
    capabilities: spec.capabilities ?? REASONING,
    confidence: spec.confidence,
    offers: offers(spec.id, spec.price, spec.openRouter ?? true),
    ...(spec.responsesOnly ? { responsesOnly: true } : {}),
    ...(spec.note ? { note: spec.note } : {}),
  }
}

const WIDE = 1_050_000
const GPT5_WINDOW = 400_000

export const OPENAI_MODELS: CatalogModel[] = [
  model({
    id: 'gpt-6-astra',
    family: 'gpt-6',
    status: 'current',
    contextWindow: WIDE,
    maxOutputTokens: 128_000,
    confidence: 'unverified',
    price: {
      ...price(10, 50, '2026-09-04', 'unverified', { cached: 1, longContext: true }),
      longContext: { aboveInputTokens: LONG_CONTEXT_THRESHOLD, input: 20, output: 75, cacheRead: 2 },
      note: 'from models.dev; not yet on a stored pricing page',
    },
    openRouter: false,
  }),
  model({
    id: 'gpt-5.6-sol',
    aliases: ['gpt-5.6'],
    family: 'gpt-5.6',
    status: 'current',
    contextWindow: WIDE,
    maxOutputTokens: 128_000,
    confidence: 'unverified',
    price: price(5, 30, '2026-07-09', 'unverified', {
      cached: 0.5,
      longContext: true,
      note: 'launch reports give $5/$30; a later models.dev entry gives $2/$10; the launch figure is kept',
    }),
    openRouter: false,
  }),
  model({
    id: 'gpt-5.6-terra',
    family: 'gpt-5.6',
    status: 'current',
    contextWindow: WIDE,
    maxOutputTokens: 128_000,
    confidence: 'unverified',
    price: price(2.5, 15, '2026-07-09', 'unverified', { cached: 0.25, longContext: true }),
    openRouter: false,
  }),
  model({
    id: 'gpt-5.6-luna',
    family: 'gpt-5.6',
    status: 'current',
    contextWindow: WIDE,
    maxOutputTokens: 128_000,
    confidence: 'unverified',
    price: price(1, 6, '2026-07-09', 'unverified', { cached: 0.1, longContext: true }),
    openRouter: false,
  }),
  model({
    id: 'gpt-5.5',
    aliases: ['gpt-5.5-2026-04-23'],
    family: 'gpt-5.5',
    status: 'current',
    contextWindow: WIDE,
    maxOutputTokens: 128_000,
    confidence: 'secondary',
    price: price(5, 30, '2026-06-04', 'secondary', { cached: 0.5, longContext: true }),
  }),
  model({
    id: 'gpt-5.5-pro',
    family: 'gpt-5.5',
    status: 'current',
    contextWindow: WIDE,
    maxOutputTokens: 128_000,
    confidence: 'secondary',
    price: price(30, 180, '2026-06-04', 'secondary', { longContext: true }),
    responsesOnly: true,
  }),
  model({
    id: 'gpt-5.4',
    family: 'gpt-5.4',
    status: 'current',
    contextWindow: WIDE,
    maxOutputTokens: 128_000,
    confidence: 'official',
    price: price(2.5, 15, '2026-06-04', 'official', { cached: 0.25, longContext: true }),
  }),
  model({
    id: 'gpt-5.4-mini',
    family: 'gpt-5.4',
    status: 'current',
    contextWindow: GPT5_WINDOW,
    maxOutputTokens: 128_000,
    confidence: 'secondary',
    price: price(0.75, 4.5, '2026-06-04', 'secondary', { cached: 0.075 }),
  }),
  model({
    id: 'gpt-5.4-nano',
    family: 'gpt-5.4',
    status: 'current',
    contextWindow: GPT5_WINDOW,
    maxOutputTokens: 128_000,
    confidence: 'secondary',
    price: price(0.2, 1.25, '2026-06-04', 'secondary', { cached: 0.02 }),
  }),
  model({
    id: 'gpt-5.4-pro',
    family: 'gpt-5.4',
    status: 'current',
    contextWindow: WIDE,
    maxOutputTokens: 128_000,
    confidence: 'official',
    price: price(30, 180, '2026-06-04', 'official', { longContext: true }),
    responsesOnly: true,
  }),
  model({
    id: 'gpt-5.3-codex',
    family: 'gpt-5-codex',
    status: 'current',
    contextWindow: GPT5_WINDOW,
    maxOutputTokens: 128_000,
    confidence: 'secondary',
    price: price(1.75, 14, '2026-05-05', 'secondary', { cached: 0.175 }),
    // The Codex line has been Responses-only since gpt-5-codex; unconfirmed for 5.3.
    responsesOnly: true,
  }),
  model({
    id: 'gpt-5.2',
    family: 'gpt-5.2',
    status: 'legacy',
    contextWindow: GPT5_WINDOW,
    maxOutputTokens: 128_000,
    confidence: 'secondary',
    price: price(1.75, 14, '2026-03-10', 'secondary', { cached: 0.175 }),
  }),
  model({
    id: 'gpt-5.1',
    family: 'gpt-5.1',
    status: 'legacy',
    contextWindow: GPT5_WINDOW,
    maxOutputTokens: 128_000,
    confidence: 'secondary',
    price: price(1.25, 10, '2026-05-05', 'secondary', { cached: 0.125 }),
  }),
  model({
    id: 'gpt-5',
    aliases: ['gpt-5-2025-08-07'],
    family: 'gpt-5',
    status: 'legacy',
    contextWindow: GPT5_WINDOW,
    maxOutputTokens: 128_000,
    confidence: 'official',
    price: price(1.25, 10, '2026-05-05', 'official', { cached: 0.125 }),
  }),
  model({
    id: 'gpt-5-mini',
    aliases: ['gpt-5-mini-2025-08-07'],
    family: 'gpt-5',
    status: 'legacy',
    contextWindow: GPT5_WINDOW,
    maxOutputTokens: 128_000,
    confidence: 'official',
    price: price(0.25, 2, '2026-05-05', 'official', { cached: 0.025 }),
  }),
  model({
    id: 'gpt-5-nano',
    aliases: ['gpt-5-nano-2025-08-07'],
    family: 'gpt-5',
    status: 'legacy',
    contextWindow: GPT5_WINDOW,
    maxOutputTokens: 128_000,
    confidence: 'official',
    price: price(0.05, 0.4, '2026-05-05', 'official', { cached: 0.005 }),
  }),
  model({
    id: 'gpt-5-codex',
    family: 'gpt-5-codex',
    status: 'legacy',
    contextWindow: GPT5_WINDOW,
    maxOutputTokens: 128_000,
    confidence: 'secondary',
    price: price(1.25, 10, '2026-05-05', 'secondary', { cached: 0.125 }),
    responsesOnly: true,
  }),
  model({
    id: 'gpt-4.1',
    aliases: ['gpt-4.1-2025-04-14'],
    family: 'gpt-4.1',
    status: 'legacy',
    contextWindow: 1_047_576,
    maxOutputTokens: 32_768,
    capabilities: CHAT,
    confidence: 'official',
    price: price(2, 8, '2026-01-15', 'official', { cached: 0.5 }),
  }),
  model({
    id: 'gpt-4.1-mini',
    aliases: ['gpt-4.1-mini-2025-04-14'],
    family: 'gpt-4.1',
    status: 'legacy',
    contextWindow: 1_047_576,
    maxOutputTokens: 32_768,
    capabilities: CHAT,
    confidence: 'official',
    price: price(0.4, 1.6, '2026-01-15', 'official', { cached: 0.1 }),
  }),
  model({
    id: 'gpt-4.1-nano',
    aliases: ['gpt-4.1-nano-2025-04-14'],
    family: 'gpt-4.1',
    status: 'legacy',
    contextWindow: 1_047_576,
    maxOutputTokens: 32_768,
    capabilities: CHAT,
    confidence: 'official',
    price: price(0.1, 0.4, '2026-01-15', 'official', { cached: 0.025 }),
  }),
  model({
    id: 'gpt-4o',
    aliases: ['gpt-4o-2024-08-06', 'gpt-4o-2024-11-20'],
    family: 'gpt-4o',
    status: 'legacy',
    contextWindow: 128_000,
    maxOutputTokens: 16_384,
    capabilities: CHAT,
    confidence: 'official',
    price: price(2.5, 10, '2026-01-15', 'official', { cached: 1.25 }),
  }),
  model({
    id: 'gpt-4o-mini',
    aliases: ['gpt-4o-mini-2024-07-18'],
    family: 'gpt-4o',
    status: 'legacy',
    contextWindow: 128_000,
    maxOutputTokens: 16_384,
    capabilities: CHAT,
    confidence: 'official',
    price: price(0.15, 0.6, '2026-01-15', 'official', { cached: 0.075 }),
  }),
  model({
    id: 'o3',
    aliases: ['o3-2025-04-16'],
    family: 'o-series',
    status: 'legacy',
    contextWindow: 200_000,
    maxOutputTokens: 100_000,
    confidence: 'official',
    price: price(2, 8, '2026-01-15', 'official', { cached: 0.5 }),
  }),
  model({
    id: 'o3-pro',
    aliases: ['o3-pro-2025-06-10'],
    family: 'o-series',
    status: 'legacy',
    contextWindow: 200_000,
    maxOutputTokens: 100_000,
    confidence: 'official',
    price: price(20, 80, '2026-01-15', 'official'),
    responsesOnly: true,
  }),
  model({
    id: 'o4-mini',
    aliases: ['o4-mini-2025-04-16'],
    family: 'o-series',
    status: 'legacy',
    contextWindow: 200_000,
    maxOutputTokens: 100_000,
    confidence: 'official',
    price: price(1.1, 4.4, '2026-01-15', 'official', { cached: 0.275 }),
  }),
  model({
    id: 'o3-mini',
    aliases: ['o3-mini-2025-01-31'],
    family: 'o-series',
    status: 'legacy',
    contextWindow: 200_000,
    maxOutputTokens: 100_000,
    capabilities: caps('tools', 'reasoning', 'caching', 'json'),
    confidence: 'official',
    price: price(1.1, 4.4, '2026-01-15', 'official', { cached: 0.55 }),
  }),
  model({
    id: 'o1',
    aliases: ['o1-2024-12-17'],
    family: 'o-series',
    status: 'legacy',
    contextWindow: 200_000,
    maxOutputTokens: 100_000,
    confidence: 'official',
    price: price(15, 60, '2026-01-15', 'official', { cached: 7.5 }),
  }),
]
