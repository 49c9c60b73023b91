import { describe, expect, it } from 'vitest'
import { costUsd } from '../catalog/index.js'
import { configOf, stubRouting } from '../../test/routing/stubs.js'
import { catalogTargets } from './catalog-targets.js'
import { applyOverrides, targetInfo, UNKNOWN_INFO, withConfigPrices } from './model-info.js'

const KEYS = { apiKey: 'k' }
const usage = { inputTokens: 1_000_000, outputTokens: 1_000_000 }

describe('targetInfo', () => {
  it('takes limits, capabilities and the host’s price from the catalogue', () => {
    const routing = stubRouting({ providers: { groq: KEYS } })
    const [target] = catalogTargets('llama-3.3-70b-versatile', routing).targets
    const info = targetInfo(target, routing.aliases)
    expect(info).toMatchObject({ catalogId: 'llama-3.3-70b-instruct', capabilities: { tools: true, vision: false } })
    expect(info.pricing?.source).toMatch(/groq/)
  })

  it('lets a config entry correct the catalogue, by catalogue id or provider/model', () => {
    const routing = stubRouting({
      providers: { anthropic: KEYS },
      models: {
        'claude-sonnet-4-5': { contextWindow: 1_000_000, capabilities: { json: false } },
        'anthropic/claude-sonnet-4-5': { pricing: { input: 2, output: 9 } },
      },
    })
    const [target] = catalogTargets('claude-sonnet-4-5', routing).targets
    expect(targetInfo(target, routing.aliases)).toMatchObject({
      contextWindow: 1_000_000,
      pricing: { input: 2, output: 9 },
      capabilities: { tools: true, vision: true, json: false },
    })
  })

  it('knows nothing about uncatalogued models unless the config says', () => {
    const routing = stubRouting({ providers: { ollama: { baseURL: 'http://127.0.0.1:11434/v1' } }, models: { 'ollama/phi4': { contextWindow: 16_384 } } })
    const provider = routing.providers.get('ollama')!
    expect(targetInfo({ provider, model: 'mystery' }, routing.aliases)).toEqual(UNKNOWN_INFO)
    expect(targetInfo({ provider, model: 'phi4' }, routing.aliases)).toMatchObject({ contextWindow: 16_384, capabilities: null })
  })

  it('prices the mock at zero', () => {
    const routing = stubRouting({ providers: { mock: { type: 'mock' } } })
    expect(targetInfo({ provider: routing.providers.get('mock')!, model: 'echo' }, routing.aliases).pricing).toEqual({ input: 0, output: 0 })
  })
})

describe('applyOverrides', () => {
  it('amends a partial capability list over no capabilities as all-false', () => {
    expect(applyOverrides(UNKNOWN_INFO, { capabilities: { vision: true } }).capabilities).toEqual({ tools: false, vision: true, reasoning: false, caching: false, json: false })
  })
})

describe('withConfigPrices', () => {
  const catalogue = (model: string, u: typeof usage) => costUsd(model, u)
  it('prices by the config where it has a price, else by the fallback', () => {
    const config = configOf({
      providers: { ollama: { baseURL: 'http://127.0.0.1:11434/v1' }, anthropic: KEYS },
      models: { local: { target: 'ollama/qwen3:8b', pricing: { input: 0.1, output: 0.2 } }, 'claude-haiku-4-5': { pricing: { input: 0.5, output: 2 } } },
    })
    const cost = withConfigPrices(config.models, (model, u) => catalogue(model, u))
    expect(cost('qwen3:8b', usage, 'ollama')).toBeCloseTo(0.3)
    expect(cost('claude-haiku-4-5', usage, 'anthropic')).toBeCloseTo(2.5)
    expect(cost('claude-sonnet-4-5', usage, 'anthropic')).toBe(costUsd('claude-sonnet-4-5', usage))
  })
})
