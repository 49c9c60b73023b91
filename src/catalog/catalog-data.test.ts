import { describe, expect, it } from 'vitest'
import { PRESETS } from '../providers/presets.js'
import { CATALOG, CATALOG_REVIEWED_AT } from './data/index.js'
import { findModel } from './find-model.js'
import { findNameClashes } from './name-index.js'
import type { Price } from './types.js'

const CONFIDENCES = ['official', 'secondary', 'unverified']
const STATUSES = ['current', 'preview', 'legacy', 'deprecated', 'retired']
const DATE = /^\d{4}-\d{2}-\d{2}$/

const prices: Array<{ where: string; price: Price }> = CATALOG.flatMap((model) =>
  model.offers.flatMap((offer) => (offer.price ? [{ where: `${model.id} via ${offer.preset}`, price: offer.price }] : [])),
)

describe('catalogue data', () => {
  it('has no name that two models answer to', () => {
    expect(findNameClashes(CATALOG)).toEqual([])
  })

  it('has unique ids', () => {
    const ids = CATALOG.map((model) => model.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('prices nearly every model somewhere', () => {
    expect(prices.length).toBeGreaterThan(CATALOG.length)
  })

  it.each(prices)('$where: has a source page, a date and a confidence', ({ price }) => {
    expect(price.source).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\//)
    expect(price.pricedAt).toMatch(DATE)
    expect(Number.isNaN(Date.parse(price.pricedAt))).toBe(false)
    expect(price.pricedAt <= CATALOG_REVIEWED_AT).toBe(true)
    expect(CONFIDENCES).toContain(price.confidence)
  })

  it.each(prices)('$where: has sane rates', ({ price }) => {
    expect(price.input).toBeGreaterThan(0)
    expect(price.output).toBeGreaterThan(0)
    if (price.cacheRead !== undefined) expect(price.cacheRead).toBeLessThan(price.input)
    if (price.cacheWrite !== undefined) expect(price.cacheWrite).toBeGreaterThanOrEqual(price.input)
    if (price.longContext) {
      expect(price.longContext.aboveInputTokens).toBeGreaterThan(0)
      expect(price.longContext.input).toBeGreaterThan(price.input)
      expect(price.longContext.output).toBeGreaterThanOrEqual(price.output)
    }
  })

  it.each([...CATALOG])('$id: is well formed', (model) => {
    expect(model.id).toBe(model.id.trim())
    expect(model.offers.length).toBeGreaterThan(0)
    expect(STATUSES).toContain(model.status)
    expect(CONFIDENCES).toContain(model.confidence)
    expect(model.contextWindow).toBeGreaterThan(0)
    expect(model.maxOutputTokens).toBeGreaterThan(0)
    expect(model.maxOutputTokens).toBeLessThanOrEqual(model.contextWindow)
    // The owner's own API, when there is one, is the preferred offer.
    const firstParty = model.offers.filter((offer) => offer.firstParty)
    expect(firstParty.length).toBeLessThanOrEqual(1)
    if (firstParty.length === 1) expect(model.offers[0]).toBe(firstParty[0])
    if (model.replacedBy) expect(findModel(model.replacedBy)?.id).toBe(model.replacedBy)
  })

  it.each([...CATALOG])('$id: is offered only by known presets, in their wire format', (model) => {
    for (const offer of model.offers) {
      const preset = PRESETS.find((candidate) => candidate.name === offer.preset)
      expect(preset, offer.preset).toBeDefined()
      expect(offer.kind).toBe(preset?.type)
      expect(offer.model.length).toBeGreaterThan(0)
    }
  })
})

describe('catalogue coverage', () => {
  // Names developers type today, and older ones still in code and configs.
  const names = [
    'claude-3-5-sonnet-20241022',
    'claude-3-7-sonnet-20250219',
    'claude-3-5-haiku-20241022',
    'claude-3-opus-20240229',
    'claude-sonnet-4-5',
    'claude-opus-4-1',
    'claude-haiku-4-5',
    'claude-sonnet-4-6',
    'claude-opus-4-8',
    'claude-opus-5',
    'gpt-4o',
    'gpt-4o-mini',
    'gpt-4.1',
    'gpt-4.1-mini',
    'gpt-4.1-nano',
    'o3',
    'o4-mini',
    'gpt-5',
    'gpt-5-mini',
    'gpt-5-nano',
    'gpt-5.4',
    'gpt-5.5',
    'gemini-2.5-pro',
    'gemini-2.5-flash',
    'gemini-2.5-flash-lite',
    'gemini-3-pro-preview',
    'gemini-3.1-pro-preview',
    'llama-3.3-70b-versatile',
    'deepseek-chat',
    'deepseek-reasoner',
    'deepseek-v4-pro',
    'grok-4',
    'grok-4.3',
    'grok-code-fast-1',
    'mistral-large-latest',
    'mistral-small-latest',
    'codestral-latest',
    'openai/gpt-oss-120b',
  ]

  it.each(names)('knows %s', (name) => {
    expect(findModel(name)).toBeDefined()
  })
})
