/**
 * Mistral AI's models on La Plateforme (api.mistral.ai). Mistral publishes no
 * cache discount for these models. `-latest` names move; only the mappings
 * confirmed by a source are recorded as aliases.
 *
 * Evidence: Mistral Large 3 launch coverage and model pages (several sources
 * agree on $0.50/$1.50 and 256K), models.dev entries for the others.
 */
import type { Capabilities, CatalogModel, Confidence, Price } from '../types.js'
import { caps, viaOpenRouter } from './helpers.js'

const SOURCE = 'https://mistral.ai/pricing'

function price(input: number, output: number, pricedAt: string, confidence: Confidence, note?: string): Price {
  return { input, output, pricedAt, source: SOURCE, confidence, ...(note ? { note } : {}) }
}

interface Spec {
  id: string
  aliases: string[]
  family: string
  status: CatalogModel['status']
  contextWindow: number
  maxOutputTokens: number
  capabilities: Capabilities
  confidence: Confidence
  price: Price
  openRouterId?: string
  replacedBy?: string
  note?: string
}

function model(spec: Spec): CatalogModel {
  const direct = { preset: 'mistral', kind: 'openai' as const, model: spec.id, price: spec.price, firstParty: true }
  return {
    id: spec.id,
    aliases: spec.aliases,
    family: spec.family,
    owner: 'mistral',
    status: spec.status,
    contextWindow: spec.contextWindow,
    maxOutputTokens: spec.maxOutputTokens,
    capabilities: spec.capabilities,
    confidence: spec.confidence,
    offers: spec.openRouterId ? [direct, viaOpenRouter(spec.openRouterId, spec.price)] : [direct],
    ...(spec.replacedBy ? { replacedBy: spec.replacedBy } : {}),
    ...(spec.note ? { note: spec.note } : {}),
  }
}

export const MISTRAL_MODELS: CatalogModel[] = [
  model({
    id: 'mistral-large-2512',
    aliases: ['mistral-large-latest', 'mistral-large-3'],
    family: 'mistral-large',
    status: 'current',
    contextWindow: 262_144,
    // Mistral states no separate output cap; the window bounds it.
    maxOutputTokens: 262_144,
    capabilities: caps('tools', 'vision', 'json'),
    confidence: 'secondary',
    price: price(0.5, 1.5, '2026-05-30', 'secondary'),
    openRouterId: 'mistralai/mistral-large-2512',
    note: 'Mistral Large 4 is in public preview (not catalogued)',
  }),
  model({
    id: 'mistral-medium-2508',
    aliases: ['mistral-medium-3.1'],
    family: 'mistral-medium',
    status: 'legacy',
    contextWindow: 131_072,
    maxOutputTokens: 131_072,
    capabilities: caps('tools', 'vision', 'json'),
    confidence: 'unverified',
    price: price(0.4, 2, '2026-02-24', 'unverified'),
    note: 'mistral-medium-latest likely points at Medium 3.5 (mistral-medium-2604) now, so it is not an alias here',
  }),
  model({
    id: 'mistral-small-2506',
    aliases: ['mistral-small-latest', 'mistral-small-3.2'],
    family: 'mistral-small',
    status: 'current',
    contextWindow: 128_000,
    maxOutputTokens: 16_384,
    capabilities: caps('tools', 'vision', 'json'),
    confidence: 'secondary',
    price: price(0.1, 0.3, '2026-05-30', 'secondary'),
  }),
  model({
    id: 'codestral-2508',
    aliases: ['codestral-latest'],
    family: 'codestral',
    status: 'current',
    contextWindow: 256_000,
    maxOutputTokens: 256_000,
    capabilities: caps('tools', 'json'),
    confidence: 'unverified',
    price: price(0.3, 0.9, '2026-08-27', 'secondary'),
    openRouterId: 'mistralai/codestral-2508',
  }),
  model({
    id: 'magistral-medium-latest',
    aliases: [],
    family: 'magistral',
    status: 'current',
    contextWindow: 128_000,
    maxOutputTokens: 40_000,
    capabilities: caps('tools', 'vision', 'reasoning', 'json'),
    confidence: 'unverified',
    price: price(2, 5, '2026-02-24', 'unverified'),
  }),
  model({
    id: 'devstral-2512',
    aliases: ['devstral-2'],
    family: 'devstral',
    status: 'retired',
    contextWindow: 262_144,
    maxOutputTokens: 262_144,
    capabilities: caps('tools', 'json'),
    confidence: 'secondary',
    price: price(0.4, 2, '2025-12-09', 'secondary'),
    note: 'retirement date 2026-07-31',
  }),
]
