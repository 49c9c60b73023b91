/** The config fields routing adds: `routing` settings and catalogue figures on `models` entries. */
import { describe, expect, it } from 'vitest'
import { ConfigError } from '../config/config-error.js'
import { configOf } from '../../test/routing/stubs.js'
import { DEFAULT_ROUTING } from './defaults.js'

describe('routing settings', () => {
  it('default when absent', () => {
    expect(configOf({}).routing).toEqual(DEFAULT_ROUTING)
  })

  it('take partial overrides', () => {
    const { routing } = configOf({ routing: { retries: 0, deadlineMs: 5_000, breaker: { failures: 0 }, modelLists: { waitMs: 100 } } })
    expect(routing).toEqual({
      ...DEFAULT_ROUTING,
      retries: 0,
      deadlineMs: 5_000,
      breaker: { ...DEFAULT_ROUTING.breaker, failures: 0 },
      modelLists: { ...DEFAULT_ROUTING.modelLists, waitMs: 100 },
    })
  })

  it.each([
    [{ routing: { retries: -1 } }, /routing\.retries: expected an integer from 0 to 10, got -1/],
    [{ routing: { retry: 1 } }, /routing\.retry: unknown field/],
    [{ routing: { breaker: { cooldownMs: '30s' } } }, /routing\.breaker\.cooldownMs: expected an integer/],
    [{ routing: [] }, /routing: expected an object, got an array/],
  ])('reject %o', (raw, message) => {
    expect(() => configOf(raw)).toThrow(ConfigError)
    expect(() => configOf(raw)).toThrow(message)
  })
})

describe('models entries', () => {
  it('keep the three target forms', () => {
    const { models } = configOf({ models: { a: 'p/m', b: ['p/m', 'q/n'], c: { target: 'p/m' }, d: { targets: ['p/m'] } } })
    expect(Object.values(models).map((m) => m.targets)).toEqual([['p/m'], ['p/m', 'q/n'], ['p/m'], ['p/m']])
  })

  it('take catalogue figures, with or without targets', () => {
    const { models } = configOf({
      models: {
        coder: { target: 'ollama/qwen2.5-coder:32b', contextWindow: 32_768, maxOutputTokens: 8_192, capabilities: { tools: true }, pricing: { input: 0, output: 0 }, description: 'local' },
        'gpt-4o': { pricing: { input: 2.5, output: 10, cacheRead: 1.25 } },
      },
    })
    expect(models.coder).toEqual({ targets: ['ollama/qwen2.5-coder:32b'], contextWindow: 32_768, maxOutputTokens: 8_192, capabilities: { tools: true }, pricing: { input: 0, output: 0 }, description: 'local' })
    expect(models['gpt-4o']).toEqual({ targets: [], pricing: { input: 2.5, output: 10, cacheRead: 1.25 } })
  })

  it.each([
    [{ models: { x: { targets: [] } } }, /models\.x\.targets: expected a non-empty array/],
    [{ models: { x: {} } }, /models\.x\.targets: expected a non-empty array/],
    [{ models: { x: { target: 'p/m', context: 5 } } }, /models\.x\.context: unknown field/],
    [{ models: { x: { pricing: { input: 1 } } } }, /models\.x\.pricing\.output: expected a price/],
    [{ models: { x: { pricing: { input: -1, output: 1 } } } }, /models\.x\.pricing\.input: expected a price/],
    [{ models: { x: { capabilities: { telepathy: true } } } }, /models\.x\.capabilities\.telepathy: unknown field/],
    [{ models: { x: { contextWindow: 0 } } }, /models\.x\.contextWindow: expected an integer/],
  ])('reject %o', (raw, message) => {
    expect(() => configOf(raw)).toThrow(message)
  })
})
