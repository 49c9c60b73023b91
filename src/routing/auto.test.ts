import { describe, expect, it } from 'vitest'
import { names, stubRouting } from '../../test/routing/stubs.js'
import { autoCandidates, autoTargets, fits, rankForAuto } from './auto.js'
import { UNKNOWN_INFO } from './model-info.js'
import { NO_NEEDS, needsOf } from './needs.js'
import type { RequestNeeds } from './types.js'

const KEYS = { apiKey: 'k' }
const needs = (over: Partial<RequestNeeds>): RequestNeeds => ({ ...NO_NEEDS, ...over })

describe('fits', () => {
  const info = { ...UNKNOWN_INFO, contextWindow: 128_000, capabilities: { tools: true, vision: false, reasoning: false, caching: false, json: true } }
  it.each([
    [needs({}), true],
    [needs({ tools: true }), true],
    [needs({ vision: true }), false],
    [needs({ reasoning: true }), false],
    [needs({ contextTokens: 128_000 }), true],
    [needs({ contextTokens: 128_001 }), false],
  ])('%o -> %s', (n, expected) => {
    expect(fits(info, n)).toBe(expected)
  })
})

describe('auto', () => {
  it('ranks current models by output price, best first, and skips retired ones', () => {
    const routing = stubRouting({ providers: { anthropic: KEYS } })
    const ranked = rankForAuto(autoCandidates(routing), NO_NEEDS)
    const prices = ranked.map((c) => c.info.pricing?.output ?? -1)
    const current = ranked.filter((c) => c.info.status === 'current').length
    expect(prices.slice(0, current)).toEqual([...prices.slice(0, current)].sort((a, b) => b - a))
    expect(ranked.some((c) => c.info.status === 'retired' || c.info.status === 'deprecated')).toBe(false)
  })

  it('builds a chain over different providers', () => {
    const routing = stubRouting({ providers: { anthropic: KEYS, openai: KEYS, google: KEYS, groq: KEYS } })
    const chain = autoTargets(routing, NO_NEEDS)
    expect(chain).toHaveLength(3)
    expect(new Set(chain.map((t) => t.provider.name)).size).toBe(3)
    expect(chain.every((t) => t.via === 'auto')).toBe(true)
  })

  it('leaves out models that lack what the request needs', () => {
    const routing = stubRouting({ providers: { groq: KEYS } })
    // on Groq only some models take tools with reasoning; none takes images
    for (const target of autoTargets(routing, needs({ tools: true, reasoning: true }))) {
      expect(target.catalog?.capabilities).toMatchObject({ tools: true, reasoning: true })
    }
    expect(() => autoTargets(routing, needs({ vision: true }))).toThrow(/`auto` found no configured model for this request \(it needs image input\)/)
  })

  it('leaves out models whose context window is too small for the prompt', () => {
    const routing = stubRouting({ providers: { groq: KEYS, anthropic: KEYS } })
    const [first] = autoTargets(routing, needs({ contextTokens: 300_000 }))
    expect(first.provider.name).toBe('anthropic')
    expect(first.catalog!.contextWindow).toBeGreaterThanOrEqual(300_000)
  })

  it('takes config entries that state their capabilities', () => {
    const routing = stubRouting({
      providers: { ollama: { baseURL: 'http://127.0.0.1:11434/v1' } },
      models: { coder: { target: 'ollama/qwen2.5-coder:32b', contextWindow: 32_768, capabilities: { tools: true } } },
    })
    expect(names(autoTargets(routing, needs({ tools: true })))).toEqual(['ollama/qwen2.5-coder:32b'])
  })

  it('falls back to the first declared model (the mock) when nothing is catalogued', () => {
    expect(names(autoTargets(stubRouting({ providers: { mock: { type: 'mock' } } }), needs({ tools: true })))).toEqual(['mock/echo'])
  })

  it('does not pick models a provider without a preset serves only by a guess', () => {
    const routing = stubRouting({ providers: { proxy: { type: 'openai', baseURL: 'http://127.0.0.1:4001/v1' }, mock: { type: 'mock' } } })
    expect(names(autoTargets(routing, NO_NEEDS))).toEqual(['mock/echo'])
  })
})

describe('needsOf', () => {
  it('reads tools, images, thinking and size off the IR request', () => {
    const n = needsOf({
      model: 'auto',
      system: [{ type: 'text', text: 'x'.repeat(400) }],
      messages: [{ role: 'user', parts: [{ type: 'text', text: 'look' }, { type: 'image', source: { kind: 'url', url: 'https://example.com/a.png' } }] }],
      tools: [{ name: 'search', inputSchema: { type: 'object' } }],
      reasoning: { enabled: true, budgetTokens: 2_000 },
      maxTokens: 1_000,
      stream: false,
    })
    expect(n).toMatchObject({ tools: true, vision: true, reasoning: true })
    expect(n.contextTokens).toBeGreaterThan(100 + 1_600 + 1_000)
  })
})
