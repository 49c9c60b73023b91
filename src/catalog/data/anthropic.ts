/**
 * Anthropic's Claude models. Cache reads cost 0.1x input and 5-minute cache
 * writes 1.25x input on every Claude model (pricing page, checked across
 * several snapshots); the exceptions are written out.
 *
 * Evidence: the pricing page (platform.claude.com, formerly docs.anthropic.com),
 * Anthropic's own claude-api skill catalogue (github.com/anthropics/skills,
 * shared/models.md) for ids, limits and lifecycle, and models.dev for the
 * newest (October 2026) releases, which the stored pricing pages predate.
 */
import type { CatalogModel, Confidence, Offer, Price } from '../types.js'
import { caps, usd, viaOpenRouter } from './helpers.js'

const SOURCE = 'https://platform.claude.com/docs/en/about-claude/pricing'

function price(input: number, output: number, pricedAt: string, confidence: Confidence, note?: string): Price {
  return {
    input,
    output,
    cacheRead: usd(input * 0.1),
    cacheWrite: usd(input * 1.25),
    pricedAt,
    source: SOURCE,
    confidence,
    ...(note ? { note } : {}),
  }
}

function offers(id: string, openRouterId: string | null, p: Price | null): Offer[] {
  const direct: Offer = { preset: 'anthropic', kind: 'anthropic', model: id, price: p, firstParty: true }
  return openRouterId ? [direct, viaOpenRouter(openRouterId, p)] : [direct]
}

const ALL = caps('tools', 'vision', 'reasoning', 'caching', 'json')
/** Before structured outputs (Nov 2025) Claude had no native JSON mode. */
const NO_JSON = caps('tools', 'vision', 'reasoning', 'caching')

const opus55 = price(4, 20, '2026-10-03', 'unverified', 'from models.dev; not yet on a stored pricing page')
const sonnet55 = price(2, 10, '2026-10-03', 'unverified', 'from models.dev; not yet on a stored pricing page')
const fable51: Price = {
  ...price(10, 50, '2026-11-01', 'secondary'),
  cacheRead: 0.25,
  note: 'cache reads $0.25 per Anthropic skill catalogue (Fable 5 charges $1)',
}
const fable5 = { ...price(10, 50, '2026-06-09', 'secondary'), cacheRead: 1 }
const opus5 = price(5, 25, '2026-09-01', 'secondary')
const sonnet5 = price(3, 15, '2026-09-01', 'secondary', 'introductory $2/$10 ended 2026-08-31')
const opus48 = price(5, 25, '2026-05-29', 'secondary')
const opus47 = price(5, 25, '2026-05-15', 'secondary')
const opus46 = price(5, 25, '2026-04-01', 'official')
const sonnet46 = price(3, 15, '2026-04-27', 'official')
const opus45 = price(5, 25, '2026-04-01', 'official')
const sonnet45: Price = {
  ...price(3, 15, '2026-04-01', 'official'),
  // The 1M-context beta bills the whole request at these rates past 200K input.
  longContext: { aboveInputTokens: 200_000, input: 6, output: 22.5, cacheRead: 0.6, cacheWrite: 7.5 },
}
const haiku45 = price(1, 5, '2026-04-01', 'official')
const opus41 = price(15, 75, '2026-04-01', 'official')
const sonnet4: Price = { ...sonnet45, pricedAt: '2026-04-01' }
const sonnet37 = price(3, 15, '2026-04-01', 'official')
const haiku35 = price(0.8, 4, '2026-04-01', 'official')
const opus3 = price(15, 75, '2026-04-01', 'official')
const haiku3: Price = { ...price(0.25, 1.25, '2026-04-01', 'official'), cacheRead: 0.03, cacheWrite: 0.3 }

export const ANTHROPIC_MODELS: CatalogModel[] = [
  {
    id: 'claude-opus-5-5',
    aliases: [],
    family: 'claude-opus',
    owner: 'anthropic',
    status: 'current',
    contextWindow: 1_000_000,
    maxOutputTokens: 128_000,
    capabilities: ALL,
    confidence: 'unverified',
    offers: offers('claude-opus-5-5', 'anthropic/claude-opus-5.5', opus55),
    note: 'limits assumed equal to Claude Opus 5',
  },
  {
    id: 'claude-sonnet-5-5',
    aliases: [],
    family: 'claude-sonnet',
    owner: 'anthropic',
    status: 'current',
    contextWindow: 1_000_000,
    maxOutputTokens: 128_000,
    capabilities: ALL,
    confidence: 'unverified',
    offers: offers('claude-sonnet-5-5', 'anthropic/claude-sonnet-5.5', sonnet55),
    note: 'limits assumed equal to Claude Sonnet 5',
  },
  {
    id: 'claude-haiku-5-5',
    aliases: [],
    family: 'claude-haiku',
    owner: 'anthropic',
    status: 'current',
    contextWindow: 1_000_000,
    maxOutputTokens: 128_000,
    capabilities: ALL,
    confidence: 'unverified',
    // No first-party price found in any stored source; left unpriced rather than guessed.
    offers: offers('claude-haiku-5-5', null, null),
  },
  {
    id: 'claude-fable-5-1',
    aliases: [],
    family: 'claude-fable',
    owner: 'anthropic',
    status: 'current',
    contextWindow: 1_000_000,
    maxOutputTokens: 128_000,
    capabilities: ALL,
    confidence: 'secondary',
    offers: offers('claude-fable-5-1', null, fable51),
    note: 'thinking is always on; an explicit thinking {type: "disabled"} is rejected',
  },
  {
    id: 'claude-fable-5',
    aliases: [],
    family: 'claude-fable',
    owner: 'anthropic',
    status: 'current',
    contextWindow: 1_000_000,
    maxOutputTokens: 128_000,
    capabilities: ALL,
    confidence: 'secondary',
    offers: offers('claude-fable-5', 'anthropic/claude-fable-5', fable5),
  },
  {
    id: 'claude-opus-5',
    aliases: [],
    family: 'claude-opus',
    owner: 'anthropic',
    status: 'current',
    contextWindow: 1_000_000,
    maxOutputTokens: 128_000,
    capabilities: ALL,
    confidence: 'secondary',
    offers: offers('claude-opus-5', 'anthropic/claude-opus-5', opus5),
  },
  {
    id: 'claude-sonnet-5',
    aliases: [],
    family: 'claude-sonnet',
    owner: 'anthropic',
    status: 'current',
    contextWindow: 1_000_000,
    maxOutputTokens: 128_000,
    capabilities: ALL,
    confidence: 'secondary',
    offers: offers('claude-sonnet-5', 'anthropic/claude-sonnet-5', sonnet5),
    note: 'new tokenizer: the same text is ~30-40% more tokens than on Sonnet 4.6',
  },
  {
    id: 'claude-opus-4-8',
    aliases: [],
    family: 'claude-opus',
    owner: 'anthropic',
    status: 'current',
    contextWindow: 1_000_000,
    maxOutputTokens: 128_000,
    capabilities: ALL,
    confidence: 'secondary',
    offers: offers('claude-opus-4-8', 'anthropic/claude-opus-4.8', opus48),
  },
  {
    id: 'claude-opus-4-7',
    aliases: [],
    family: 'claude-opus',
    owner: 'anthropic',
    status: 'current',
    contextWindow: 1_000_000,
    maxOutputTokens: 128_000,
    capabilities: ALL,
    confidence: 'secondary',
    offers: offers('claude-opus-4-7', 'anthropic/claude-opus-4.7', opus47),
    note: 'adaptive thinking only: thinking.budget_tokens is rejected',
  },
  {
    id: 'claude-opus-4-6',
    aliases: [],
    family: 'claude-opus',
    owner: 'anthropic',
    status: 'current',
    contextWindow: 1_000_000,
    maxOutputTokens: 128_000,
    capabilities: ALL,
    confidence: 'secondary',
    offers: offers('claude-opus-4-6', 'anthropic/claude-opus-4.6', opus46),
  },
  {
    id: 'claude-sonnet-4-6',
    aliases: [],
    family: 'claude-sonnet',
    owner: 'anthropic',
    status: 'current',
    contextWindow: 1_000_000,
    // Sources disagree (64K on the launch model page, 128K in the later skill catalogue): the lower is kept.
    maxOutputTokens: 64_000,
    capabilities: ALL,
    confidence: 'secondary',
    offers: offers('claude-sonnet-4-6', 'anthropic/claude-sonnet-4.6', sonnet46),
  },
  {
    id: 'claude-opus-4-5',
    aliases: ['claude-opus-4-5-20251101'],
    family: 'claude-opus',
    owner: 'anthropic',
    status: 'legacy',
    contextWindow: 200_000,
    maxOutputTokens: 64_000,
    capabilities: ALL,
    confidence: 'official',
    offers: offers('claude-opus-4-5', 'anthropic/claude-opus-4.5', opus45),
  },
  {
    id: 'claude-sonnet-4-5',
    aliases: ['claude-sonnet-4-5-20250929'],
    family: 'claude-sonnet',
    owner: 'anthropic',
    status: 'legacy',
    contextWindow: 200_000,
    maxOutputTokens: 64_000,
    capabilities: ALL,
    confidence: 'official',
    offers: offers('claude-sonnet-4-5', 'anthropic/claude-sonnet-4.5', sonnet45),
    note: '1M context with the context-1m beta header, billed at the long-context rates',
  },
  {
    id: 'claude-haiku-4-5',
    aliases: ['claude-haiku-4-5-20251001'],
    family: 'claude-haiku',
    owner: 'anthropic',
    status: 'current',
    contextWindow: 200_000,
    maxOutputTokens: 64_000,
    capabilities: ALL,
    confidence: 'official',
    offers: offers('claude-haiku-4-5', 'anthropic/claude-haiku-4.5', haiku45),
  },
  {
    id: 'claude-opus-4-1',
    aliases: ['claude-opus-4-1-20250805'],
    family: 'claude-opus',
    owner: 'anthropic',
    status: 'retired',
    contextWindow: 200_000,
    maxOutputTokens: 32_000,
    capabilities: ALL,
    confidence: 'official',
    offers: offers('claude-opus-4-1', 'anthropic/claude-opus-4.1', opus41),
    replacedBy: 'claude-opus-5',
    note: 'retired 2026-08-05',
  },
  {
    id: 'claude-opus-4-0',
    aliases: ['claude-opus-4-20250514'],
    family: 'claude-opus',
    owner: 'anthropic',
    status: 'deprecated',
    contextWindow: 200_000,
    maxOutputTokens: 32_000,
    capabilities: NO_JSON,
    confidence: 'official',
    offers: offers('claude-opus-4-0', 'anthropic/claude-opus-4', opus41),
    replacedBy: 'claude-opus-5',
    note: 'one Anthropic snapshot lists it retired on 2026-05-14, a later one as deprecated',
  },
  {
    id: 'claude-sonnet-4-0',
    aliases: ['claude-sonnet-4-20250514'],
    family: 'claude-sonnet',
    owner: 'anthropic',
    status: 'deprecated',
    contextWindow: 200_000,
    maxOutputTokens: 64_000,
    capabilities: NO_JSON,
    confidence: 'official',
    offers: offers('claude-sonnet-4-0', 'anthropic/claude-sonnet-4', sonnet4),
    replacedBy: 'claude-sonnet-5',
  },
  {
    id: 'claude-3-7-sonnet-20250219',
    aliases: ['claude-3-7-sonnet-latest'],
    family: 'claude-sonnet',
    owner: 'anthropic',
    status: 'retired',
    contextWindow: 200_000,
    maxOutputTokens: 64_000,
    capabilities: NO_JSON,
    confidence: 'official',
    offers: offers('claude-3-7-sonnet-20250219', 'anthropic/claude-3.7-sonnet', sonnet37),
    replacedBy: 'claude-sonnet-4-6',
    note: 'retired 2026-02-19',
  },
  {
    id: 'claude-3-5-sonnet-20241022',
    aliases: ['claude-3-5-sonnet-latest'],
    family: 'claude-sonnet',
    owner: 'anthropic',
    status: 'retired',
    contextWindow: 200_000,
    maxOutputTokens: 8_192,
    capabilities: caps('tools', 'vision', 'caching'),
    confidence: 'official',
    offers: offers('claude-3-5-sonnet-20241022', 'anthropic/claude-3.5-sonnet', sonnet37),
    replacedBy: 'claude-sonnet-4-6',
    note: 'retired 2025-10-28',
  },
  {
    id: 'claude-3-5-haiku-20241022',
    aliases: ['claude-3-5-haiku-latest'],
    family: 'claude-haiku',
    owner: 'anthropic',
    status: 'retired',
    contextWindow: 200_000,
    maxOutputTokens: 8_192,
    // Launched text-only on the API.
    capabilities: caps('tools', 'caching'),
    confidence: 'official',
    offers: offers('claude-3-5-haiku-20241022', 'anthropic/claude-3.5-haiku', haiku35),
    replacedBy: 'claude-haiku-4-5',
    note: 'retired 2026-02-19',
  },
  {
    id: 'claude-3-opus-20240229',
    aliases: ['claude-3-opus-latest'],
    family: 'claude-opus',
    owner: 'anthropic',
    status: 'retired',
    contextWindow: 200_000,
    maxOutputTokens: 4_096,
    capabilities: caps('tools', 'vision', 'caching'),
    confidence: 'official',
    offers: offers('claude-3-opus-20240229', 'anthropic/claude-3-opus', opus3),
    replacedBy: 'claude-opus-5',
    note: 'retired 2026-01-05',
  },
  {
    id: 'claude-3-haiku-20240307',
    aliases: [],
    family: 'claude-haiku',
    owner: 'anthropic',
    status: 'retired',
    contextWindow: 200_000,
    maxOutputTokens: 4_096,
    capabilities: caps('tools', 'vision', 'caching'),
    confidence: 'official',
    offers: offers('claude-3-haiku-20240307', 'anthropic/claude-3-haiku', haiku3),
    replacedBy: 'claude-haiku-4-5',
    note: 'retired 2026-04-19',
  },
]
