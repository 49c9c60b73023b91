import { describe, expect, it } from 'vitest'
import { deltaUsageFromIR, partialUsageToIR, usageFromIR, usageToIR } from './map-usage.js'

describe('usageToIR', () => {
  it.each([
    [
      'full usage with cache counters',
      { input_tokens: 7, cache_creation_input_tokens: 3310, cache_read_input_tokens: 5840, output_tokens: 142, service_tier: 'standard' },
      { inputTokens: 7, outputTokens: 142, cacheWriteTokens: 3310, cacheReadTokens: 5840 },
    ],
    ['minimal usage', { input_tokens: 11, output_tokens: 1 }, { inputTokens: 11, outputTokens: 1 }],
    [
      'null cache counters are absent, thinking tokens are reasoning',
      { input_tokens: 5, output_tokens: 9, cache_read_input_tokens: null, output_tokens_details: { thinking_tokens: 4 } },
      { inputTokens: 5, outputTokens: 9, reasoningTokens: 4 },
    ],
    ['missing usage', undefined, { inputTokens: 0, outputTokens: 0 }],
  ])('%s', (_name, wire, ir) => {
    expect(usageToIR(wire)).toEqual(ir)
  })

  it('partial usage keeps only the counters present (message_delta)', () => {
    expect(partialUsageToIR({ output_tokens: 30 })).toEqual({ outputTokens: 30 })
  })
})

describe('usageFromIR / deltaUsageFromIR', () => {
  it('a whole Message always carries the four counters', () => {
    expect(usageFromIR({ inputTokens: 12, outputTokens: 30 })).toEqual({
      input_tokens: 12,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      output_tokens: 30,
    })
  })

  it('message_delta usage has output_tokens plus whatever else is known, in API order', () => {
    const usage = deltaUsageFromIR({ inputTokens: 3, outputTokens: 8, cacheReadTokens: 2048 })
    expect(usage).toEqual({ input_tokens: 3, cache_read_input_tokens: 2048, output_tokens: 8 })
    expect(Object.keys(usage).at(-1)).toBe('output_tokens')
    expect(deltaUsageFromIR({ outputTokens: 5 })).toEqual({ output_tokens: 5 })
  })
})
