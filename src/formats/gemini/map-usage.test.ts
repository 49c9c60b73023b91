import { describe, expect, it } from 'vitest'
import { mapUsage } from './map-usage.js'

describe('mapUsage', () => {
  it.each([
    ['plain', { promptTokenCount: 9, candidatesTokenCount: 23, totalTokenCount: 32 }, { inputTokens: 9, outputTokens: 23 }],
    ['thinking counts as output and as reasoning', { promptTokenCount: 9, candidatesTokenCount: 29, thoughtsTokenCount: 282 }, { inputTokens: 9, outputTokens: 311, reasoningTokens: 282 }],
    ['cached tokens leave input', { promptTokenCount: 2310, cachedContentTokenCount: 2048, candidatesTokenCount: 14 }, { inputTokens: 262, outputTokens: 14, cacheReadTokens: 2048 }],
    ['tool-use prompt tokens are input', { promptTokenCount: 100, toolUsePromptTokenCount: 40, candidatesTokenCount: 5 }, { inputTokens: 140, outputTokens: 5 }],
    ['blocked prompt: no candidates count', { promptTokenCount: 17, totalTokenCount: 17 }, { inputTokens: 17, outputTokens: 0 }],
    ['missing', undefined, { inputTokens: 0, outputTokens: 0 }],
  ] as const)('%s', (_name, metadata, expected) => {
    expect(mapUsage(metadata)).toEqual(expected)
  })
})
