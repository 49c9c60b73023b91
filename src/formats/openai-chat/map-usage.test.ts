import { describe, expect, it } from 'vitest'
import type { Usage } from '../../ir/types.js'
import { usageFromOpenAI, usageToOpenAI } from './map-usage.js'

describe('usageFromOpenAI', () => {
  it.each([
    {
      name: 'OpenAI with cached tokens',
      raw: { prompt_tokens: 1250, completion_tokens: 9, total_tokens: 1259, prompt_tokens_details: { cached_tokens: 1024, audio_tokens: 0 }, completion_tokens_details: { reasoning_tokens: 0 } },
      expected: { inputTokens: 226, outputTokens: 9, cacheReadTokens: 1024, reasoningTokens: 0 },
    },
    {
      name: 'DeepSeek with only its own cache fields',
      raw: { prompt_tokens: 412, completion_tokens: 57, total_tokens: 469, prompt_cache_hit_tokens: 384, prompt_cache_miss_tokens: 28 },
      expected: { inputTokens: 28, outputTokens: 57, cacheReadTokens: 384 },
    },
    {
      name: 'xAI counting reasoning outside completion_tokens',
      raw: { prompt_tokens: 296, completion_tokens: 24, total_tokens: 512, prompt_tokens_details: { cached_tokens: 256 }, completion_tokens_details: { reasoning_tokens: 192 } },
      expected: { inputTokens: 40, outputTokens: 216, cacheReadTokens: 256, reasoningTokens: 192 },
    },
    {
      name: 'OpenAI reasoning inside completion_tokens',
      raw: { prompt_tokens: 15, completion_tokens: 78, total_tokens: 93, completion_tokens_details: { reasoning_tokens: 64 } },
      expected: { inputTokens: 15, outputTokens: 78, reasoningTokens: 64 },
    },
    { name: 'bare counts', raw: { prompt_tokens: 3, completion_tokens: 4 }, expected: { inputTokens: 3, outputTokens: 4 } },
  ])('$name', ({ raw, expected }) => {
    expect(usageFromOpenAI(raw)).toEqual(expected)
  })

  it.each([null, undefined, 'x', 3])('is undefined for %s', (raw) => {
    expect(usageFromOpenAI(raw)).toBeUndefined()
  })
})

describe('usageToOpenAI', () => {
  it.each<{ usage: Usage; expected: unknown }>([
    {
      usage: { inputTokens: 100, outputTokens: 40, cacheReadTokens: 2000, cacheWriteTokens: 300, reasoningTokens: 25 },
      expected: { prompt_tokens: 2400, completion_tokens: 40, total_tokens: 2440, prompt_tokens_details: { cached_tokens: 2000 }, completion_tokens_details: { reasoning_tokens: 25 } },
    },
    { usage: { inputTokens: 8, outputTokens: 2 }, expected: { prompt_tokens: 8, completion_tokens: 2, total_tokens: 10, prompt_tokens_details: { cached_tokens: 0 } } },
  ])('$usage', ({ usage, expected }) => {
    expect(usageToOpenAI(usage)).toEqual(expected)
  })
})
