/**
 * Google's Gemini models on the Gemini Developer API (generativelanguage),
 * paid tier. Context caching bills cached tokens at the cache price plus an
 * hourly storage fee the catalogue does not model; implicit caching has no
 * write charge. Pro models bill the whole request at a higher rate past 200K
 * prompt tokens; Flash models are flat.
 *
 * Evidence: ai.google.dev pricing (as quoted by several 2026 snapshots),
 * Google forum notices (gemini-3-pro-preview shut down 2026-03-09), and
 * models.dev for Gemini 3.7 / 3.8 Flash, newer than the stored pricing pages.
 */
import type { Capabilities, CatalogModel, Confidence, LongContextPrice, Price } from '../types.js'
import { caps, viaOpenRouter } from './helpers.js'

const SOURCE = 'https://ai.google.dev/gemini-api/docs/pricing'
const MILLION_WINDOW = 1_048_576

function price(
  input: number,
  output: number,
  cacheRead: number,
  pricedAt: string,
  confidence: Confidence,
  extra: { longContext?: LongContextPrice; note?: string } = {},
): Price {
  return { input, output, cacheRead, ...extra, pricedAt, source: SOURCE, confidence }
}

function proTier(input: number, output: number, cacheRead: number): LongContextPrice {
  return { aboveInputTokens: 200_000, input, output, cacheRead }
}

const ALL = caps('tools', 'vision', 'reasoning', 'caching', 'json')

interface Spec {
  id: string
  aliases?: string[]
  family: string
  status: CatalogModel['status']
  maxOutputTokens?: number
  capabilities?: Capabilities
  confidence: Confidence
  price: Price
  openRouter?: boolean
  replacedBy?: string
  note?: string
}

function model(spec: Spec): CatalogModel {
  const direct = { preset: 'gemini', kind: 'gemini' as const, model: spec.id, price: spec.price, firstParty: true }
  return {
    id: spec.id,
    aliases: spec.aliases ?? [],
    family: spec.family,
    owner: 'google',
    status: spec.status,
    contextWindow: MILLION_WINDOW,
    maxOutputTokens: spec.maxOutputTokens ?? 65_536,
    capabilities: spec.capabilities ?? ALL,
    confidence: spec.confidence,
    offers: spec.openRouter === false ? [direct] : [direct, viaOpenRouter(`google/${spec.id}`, spec.price)],
    ...(spec.replacedBy ? { replacedBy: spec.replacedBy } : {}),
    ...(spec.note ? { note: spec.note } : {}),
  }
}

export const GOOGLE_MODELS: CatalogModel[] = [
  model({
    id: 'gemini-3.8-flash',
    family: 'gemini-flash',
    status: 'current',
    confidence: 'unverified',
    price: price(0.75, 3.75, 0.075, '2026-11-01', 'unverified', {
      note: 'introductory rate through 2026-12-31; published 2027 rate $1.50 / $7.50 / $0.15 cached',
    }),
    note: 'limits assumed equal to Gemini 3.5 Flash',
  }),
  model({
    id: 'gemini-3.7-flash',
    family: 'gemini-flash',
    status: 'current',
    confidence: 'unverified',
    price: price(1.5, 7.5, 0.15, '2026-09-01', 'unverified'),
    note: 'limits assumed equal to Gemini 3.5 Flash',
  }),
  model({
    id: 'gemini-3.5-flash',
    family: 'gemini-flash',
    status: 'current',
    confidence: 'secondary',
    price: price(1.5, 9, 0.15, '2026-05-29', 'secondary'),
  }),
  model({
    id: 'gemini-3.1-pro-preview',
    family: 'gemini-pro',
    status: 'preview',
    confidence: 'secondary',
    price: price(2, 12, 0.2, '2026-03-15', 'secondary', { longContext: proTier(4, 18, 0.4) }),
  }),
  model({
    id: 'gemini-3.1-flash-lite',
    aliases: ['gemini-3.1-flash-lite-preview'],
    family: 'gemini-flash-lite',
    status: 'current',
    confidence: 'secondary',
    price: price(0.25, 1.5, 0.025, '2026-03-15', 'secondary'),
  }),
  model({
    id: 'gemini-3-flash-preview',
    family: 'gemini-flash',
    status: 'legacy',
    confidence: 'official',
    price: price(0.5, 3, 0.05, '2026-07-04', 'official'),
    replacedBy: 'gemini-3.5-flash',
  }),
  model({
    id: 'gemini-3-pro-preview',
    family: 'gemini-pro',
    status: 'retired',
    confidence: 'official',
    price: price(2, 12, 0.2, '2026-01-15', 'official', { longContext: proTier(4, 18, 0.4) }),
    replacedBy: 'gemini-3.1-pro-preview',
    note: 'shut down 2026-03-09',
  }),
  model({
    id: 'gemini-2.5-pro',
    family: 'gemini-pro',
    status: 'current',
    confidence: 'official',
    price: price(1.25, 10, 0.125, '2026-03-15', 'official', { longContext: proTier(2.5, 15, 0.25) }),
  }),
  model({
    id: 'gemini-2.5-flash',
    family: 'gemini-flash',
    status: 'current',
    confidence: 'official',
    price: price(0.3, 2.5, 0.03, '2026-03-15', 'official'),
  }),
  model({
    id: 'gemini-2.5-flash-lite',
    family: 'gemini-flash-lite',
    status: 'current',
    confidence: 'official',
    price: price(0.1, 0.4, 0.01, '2026-03-15', 'official'),
  }),
  model({
    id: 'gemini-2.0-flash',
    aliases: ['gemini-2.0-flash-001'],
    family: 'gemini-flash',
    status: 'retired',
    maxOutputTokens: 8_192,
    capabilities: caps('tools', 'vision', 'caching', 'json'),
    confidence: 'official',
    price: price(0.1, 0.4, 0.025, '2026-01-15', 'official'),
    openRouter: false,
    replacedBy: 'gemini-2.5-flash-lite',
    note: 'shut down 2026-06-01',
  }),
  model({
    id: 'gemini-2.0-flash-lite',
    aliases: ['gemini-2.0-flash-lite-001'],
    family: 'gemini-flash-lite',
    status: 'retired',
    maxOutputTokens: 8_192,
    capabilities: caps('tools', 'vision', 'json'),
    confidence: 'official',
    price: { input: 0.075, output: 0.3, pricedAt: '2026-01-15', source: SOURCE, confidence: 'official' },
    openRouter: false,
    replacedBy: 'gemini-2.5-flash-lite',
    note: 'shut down 2026-06-01',
  }),
]
