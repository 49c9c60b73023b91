import { describe, expect, it } from 'vitest'
import { DEFAULT_MAX_OUTPUT_CAP, FALLBACK_MAX_OUTPUT, defaultMaxOutput } from './default-max-output.js'

describe('defaultMaxOutput', () => {
  it.each([
    ['claude-3-haiku-20240307', 4_096],
    ['claude-3-5-sonnet-20241022', 8_192],
    ['claude-opus-4-1', 32_000],
    ['claude-haiku-4-5', DEFAULT_MAX_OUTPUT_CAP],
    ['claude-opus-4-8', DEFAULT_MAX_OUTPUT_CAP],
  ])('%s -> %i', (name, expected) => {
    expect(defaultMaxOutput(name)).toBe(expected)
  })

  it('uses the fallback for models the catalogue does not know', () => {
    expect(defaultMaxOutput('claude-some-future-model')).toBe(FALLBACK_MAX_OUTPUT)
  })

  it('honours a caller cap, also for unknown models', () => {
    expect(defaultMaxOutput('claude-opus-4-8', { cap: 100_000 })).toBe(100_000)
    expect(defaultMaxOutput('claude-opus-4-8', { cap: 1_000_000 })).toBe(128_000)
    expect(defaultMaxOutput('unknown-model', { cap: 1_024 })).toBe(1_024)
  })

  it('uses a host limit that is lower than the model limit', () => {
    expect(defaultMaxOutput('llama-3.3-70b-instruct', { preset: 'together' })).toBe(8_192)
    expect(defaultMaxOutput('llama-3.3-70b-instruct', { preset: 'groq' })).toBe(32_000)
  })
})
