import { describe, expect, it } from 'vitest'
import type { ReasoningConfig } from '../../ir/types.js'
import { thinkingConfigFor } from './thinking-config.js'

describe('thinkingConfigFor', () => {
  const cases: Array<[string, ReasoningConfig | undefined, string, unknown]> = [
    ['no reasoning asked', undefined, 'gemini-2.5-flash', undefined],
    ['budget on 2.5 flash', { enabled: true, budgetTokens: 4000 }, 'gemini-2.5-flash', { thinkingBudget: 4000, includeThoughts: true }],
    ['budget above the flash maximum is clamped', { enabled: true, budgetTokens: 60000 }, 'gemini-2.5-flash', { thinkingBudget: 24576, includeThoughts: true }],
    ['budget above the pro maximum is clamped', { enabled: true, budgetTokens: 60000 }, 'gemini-2.5-pro', { thinkingBudget: 32768, includeThoughts: true }],
    ['budget below the flash-lite minimum is raised', { enabled: true, budgetTokens: 100 }, 'gemini-2.5-flash-lite', { thinkingBudget: 512, includeThoughts: true }],
    ['budget wins over effort', { enabled: true, budgetTokens: 3000, effort: 'high' }, 'gemini-2.5-flash', { thinkingBudget: 3000, includeThoughts: true }],
    ['budget on gemini-3 stays a budget', { enabled: true, budgetTokens: 3000 }, 'gemini-3-pro-preview', { thinkingBudget: 3000, includeThoughts: true }],
    ['effort minimal on 2.5', { enabled: true, effort: 'minimal' }, 'gemini-2.5-flash', { thinkingBudget: 512, includeThoughts: true }],
    ['effort low on 2.5', { enabled: true, effort: 'low' }, 'gemini-2.5-flash', { thinkingBudget: 1024, includeThoughts: true }],
    ['effort medium on 2.5', { enabled: true, effort: 'medium' }, 'models/gemini-2.5-pro', { thinkingBudget: 8192, includeThoughts: true }],
    ['effort high on 2.5', { enabled: true, effort: 'high' }, 'gemini-2.5-flash', { thinkingBudget: 24576, includeThoughts: true }],
    ['effort minimal on gemini-3 pro', { enabled: true, effort: 'minimal' }, 'gemini-3-pro-preview', { thinkingLevel: 'low', includeThoughts: true }],
    ['effort medium on gemini-3 pro', { enabled: true, effort: 'medium' }, 'gemini-3.1-pro-preview', { thinkingLevel: 'high', includeThoughts: true }],
    ['effort medium on gemini-3 flash', { enabled: true, effort: 'medium' }, 'gemini-3-flash-preview', { thinkingLevel: 'medium', includeThoughts: true }],
    ['enabled without amount: model default, thoughts shown', { enabled: true }, 'gemini-2.5-flash', { includeThoughts: true }],
    ['disabled on 2.5 flash', { enabled: false }, 'gemini-2.5-flash', { thinkingBudget: 0 }],
    ['disabled on 2.5 pro (cannot turn off)', { enabled: false }, 'gemini-2.5-pro', { thinkingBudget: 128 }],
    ['disabled on gemini-3 pro', { enabled: false }, 'gemini-3-pro-preview', { thinkingLevel: 'low' }],
    ['disabled on gemini-3 flash', { enabled: false }, 'gemini-3-flash-preview', { thinkingLevel: 'minimal' }],
    ['non-thinking model gets nothing', { enabled: true, effort: 'high' }, 'gemini-2.0-flash', undefined],
    ['unknown model: budget passes through', { enabled: true, budgetTokens: 5000 }, 'gemini-flash-latest', { thinkingBudget: 5000, includeThoughts: true }],
  ]

  it.each(cases)('%s', (_name, reasoning, model, expected) => {
    expect(thinkingConfigFor(reasoning, model)).toEqual(expected)
  })
})
