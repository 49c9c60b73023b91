import { describe, expect, it } from 'vitest'
import type { Usage } from '../ir/types.js'
import { costFromPrice, costUsd } from './cost.js'
import { findModel } from './find-model.js'
import type { Price } from './types.js'

// Usage shaped like real responses, already in IR terms (inputTokens excludes cached tokens).

/** Anthropic agent turn: small new input, a cache write of the new tail, a large cache read. */
const claudeAgentTurn: Usage = { inputTokens: 12, cacheWriteTokens: 1_843, cacheReadTokens: 20_817, outputTokens: 512 }

/** OpenAI: prompt_tokens 2006 of which cached_tokens 1920; completion_tokens 300. */
const openaiCachedTurn: Usage = { inputTokens: 86, cacheReadTokens: 1_920, outputTokens: 300 }

describe('costUsd', () => {
  it('prices an Anthropic turn with cache reads and writes', () => {
    // 12*3 + 1843*3.75 + 20817*0.30 + 512*15 = 20872.35 per million
    expect(costUsd('claude-sonnet-4-5', claudeAgentTurn)).toBeCloseTo(0.02087235, 10)
  })

  it('prices the same way through an alias or a dated snapshot', () => {
    expect(costUsd('claude-sonnet-4-5-20250929', claudeAgentTurn)).toBe(costUsd('claude-sonnet-4-5', claudeAgentTurn))
  })

  it('prices an OpenAI turn with cached input', () => {
    // 86*2.5 + 1920*1.25 + 300*10 = 5615 per million
    expect(costUsd('gpt-4o', openaiCachedTurn)).toBeCloseTo(0.005615, 10)
  })

  it('counts reasoning tokens once, as part of output', () => {
    const usage: Usage = { inputTokens: 1_000, outputTokens: 5_000, reasoningTokens: 4_200 }
    // 1000*1.1 + 5000*4.4 = 23100 per million
    expect(costUsd('o4-mini', usage)).toBeCloseTo(0.0231, 10)
  })

  it('applies the long-context rates once the whole prompt passes the threshold', () => {
    const short: Usage = { inputTokens: 150_000, outputTokens: 2_000 }
    const long: Usage = { inputTokens: 250_000, outputTokens: 2_000 }
    expect(costUsd('gemini-2.5-pro', short)).toBeCloseTo(0.2075, 10) // 150000*1.25 + 2000*10
    expect(costUsd('gemini-2.5-pro', long)).toBeCloseTo(0.655, 10) // 250000*2.5 + 2000*15
  })

  it('counts cached tokens toward the long-context threshold', () => {
    // 10K new + 195K cached = 205K prompt tokens > 200K: all at the >200K rates.
    const usage: Usage = { inputTokens: 10_000, cacheReadTokens: 195_000, outputTokens: 1_000 }
    // 10000*4 + 195000*0.4 + 1000*18 = 136000 per million
    expect(costUsd('gemini-3.1-pro-preview', usage)).toBeCloseTo(0.136, 10)
  })

  it('keeps the base rates at exactly the threshold', () => {
    expect(costUsd('gemini-2.5-pro', { inputTokens: 200_000, outputTokens: 0 })).toBeCloseTo(0.25, 10)
  })

  it('uses the host price the preset names', () => {
    const usage: Usage = { inputTokens: 10_000, cacheReadTokens: 5_000, outputTokens: 1_000 }
    // groq: 10000*0.15 + 5000*0.075 + 1000*0.6 = 2475
    expect(costUsd('openai/gpt-oss-120b', usage, 'groq')).toBeCloseTo(0.002475, 10)
    // fireworks: 1500 + 5000*0.01 + 600 = 2150
    expect(costUsd('gpt-oss-120b', usage, 'fireworks')).toBeCloseTo(0.00215, 10)
    // together publishes no cache rate: cached tokens at the input rate, 1500 + 750 + 600
    expect(costUsd('openai/gpt-oss-120b', usage, 'together')).toBeCloseTo(0.00285, 10)
  })

  it('bills cache tokens as plain input when the model has no cache rate', () => {
    const usage: Usage = { inputTokens: 2_000, cacheReadTokens: 1_000, cacheWriteTokens: 500, outputTokens: 500 }
    // 2000*0.5 + 1000*0.5 + 500*0.5 + 500*1.5 = 2500 per million
    expect(costUsd('mistral-large-latest', usage)).toBeCloseTo(0.0025, 10)
  })

  it('accepts a catalogue entry instead of a name', () => {
    const entry = findModel('claude-haiku-4-5')
    expect(entry).toBeDefined()
    if (entry) expect(costUsd(entry, { inputTokens: 1_000_000, outputTokens: 1_000_000 })).toBe(6)
  })

  it('is zero for an empty call', () => {
    expect(costUsd('gpt-5', { inputTokens: 0, outputTokens: 0 })).toBe(0)
  })

  it('is null for unknown models, unpriced offers and hosts that do not serve the model', () => {
    const usage: Usage = { inputTokens: 100, outputTokens: 10 }
    expect(costUsd('no-such-model', usage)).toBeNull()
    expect(costUsd('claude-haiku-5-5', usage)).toBeNull()
    expect(costUsd('meta-llama/llama-3.3-70b-instruct', usage)).toBeNull() // OpenRouter: varies by upstream
    expect(costUsd('gpt-4o', usage, 'groq')).toBeNull()
  })

  it('still prices retired models so old logs can be costed', () => {
    // V3.2 rates: 1000*0.28 + 4000*0.028 + 800*0.42 = 728 per million
    expect(costUsd('deepseek-chat', { inputTokens: 1_000, cacheReadTokens: 4_000, outputTokens: 800 })).toBeCloseTo(
      0.000728,
      10,
    )
  })
})

describe('costFromPrice', () => {
  const price: Price = {
    input: 3,
    output: 15,
    cacheRead: 0.3,
    cacheWrite: 3.75,
    longContext: { aboveInputTokens: 200_000, input: 6, output: 22.5, cacheRead: 0.6 },
    pricedAt: '2026-04-01',
    source: 'https://example.com/pricing',
    confidence: 'official',
  }

  it('falls back to the tier input rate for a cache kind the tier does not list', () => {
    const usage: Usage = { inputTokens: 100_000, cacheWriteTokens: 150_000, outputTokens: 1_000 }
    // tier applies (250K): 100000*6 + 150000*6 + 1000*22.5 = 1522500 per million
    expect(costFromPrice(price, usage)).toBeCloseTo(1.5225, 10)
  })

  it('returns tidy decimals', () => {
    expect(costFromPrice(price, { inputTokens: 1, outputTokens: 1 })).toBe(0.000018)
  })
})
