import { describe, expect, it } from 'vitest'
import type { IRRequest, ReasoningConfig, ToolChoice } from '../../ir/types.js'
import { planThinking } from './reasoning-budget.js'

function request(reasoning: ReasoningConfig | undefined, maxTokens?: number, toolChoice?: ToolChoice): IRRequest {
  return {
    model: 'm',
    system: [],
    messages: [{ role: 'user', parts: [{ type: 'text', text: 'hi' }] }],
    stream: false,
    ...(reasoning ? { reasoning } : {}),
    ...(maxTokens !== undefined ? { maxTokens } : {}),
    ...(toolChoice ? { toolChoice, tools: [{ name: 't', inputSchema: { type: 'object' } }] } : {}),
  }
}

describe('planThinking', () => {
  it.each<[string, IRRequest, number | undefined, { budgetTokens?: number; maxTokens: number }]>([
    ['no reasoning, no max: 4096', request(undefined), undefined, { maxTokens: 4096 }],
    ['no reasoning, provider default', request(undefined), 8192, { maxTokens: 8192 }],
    ['no reasoning, caller max', request(undefined, 300), 8192, { maxTokens: 300 }],
    ['reasoning off', request({ enabled: false, effort: 'high' }, 2000), undefined, { maxTokens: 2000 }],
    ['effort minimal', request({ enabled: true, effort: 'minimal' }, 20_000), undefined, { budgetTokens: 1024, maxTokens: 20_000 }],
    ['effort low', request({ enabled: true, effort: 'low' }, 20_000), undefined, { budgetTokens: 4096, maxTokens: 20_000 }],
    ['effort medium', request({ enabled: true, effort: 'medium' }, 20_000), undefined, { budgetTokens: 8192, maxTokens: 20_000 }],
    ['effort high', request({ enabled: true, effort: 'high' }, 20_000), undefined, { budgetTokens: 16_384, maxTokens: 20_000 }],
    ['on without effort is medium', request({ enabled: true }, 20_000), undefined, { budgetTokens: 8192, maxTokens: 20_000 }],
    ['explicit budget wins over effort', request({ enabled: true, effort: 'high', budgetTokens: 3000 }, 20_000), undefined, { budgetTokens: 3000, maxTokens: 20_000 }],
    ['budget below the minimum is raised', request({ enabled: true, budgetTokens: 200 }, 20_000), undefined, { budgetTokens: 1024, maxTokens: 20_000 }],
    ['no caller max: default above budget kept', request({ enabled: true, effort: 'low' }), 32_000, { budgetTokens: 4096, maxTokens: 32_000 }],
    ['no caller max: raised to budget + default', request({ enabled: true, effort: 'high' }), undefined, { budgetTokens: 16_384, maxTokens: 16_384 + 4096 }],
    ['caller max is never raised: budget shrinks to half', request({ enabled: true, effort: 'high' }, 6000), undefined, { budgetTokens: 3000, maxTokens: 6000 }],
    ['caller max just above the minimum', request({ enabled: true, effort: 'medium' }, 1500), undefined, { budgetTokens: 1024, maxTokens: 1500 }],
    ['caller max too small for any thinking', request({ enabled: true, effort: 'low' }, 1024), undefined, { maxTokens: 1024 }],
    ['forced tool choice turns thinking off', request({ enabled: true, effort: 'low' }, 9000, { type: 'required' }), undefined, { maxTokens: 9000 }],
    ['auto tool choice keeps thinking', request({ enabled: true, effort: 'low' }, 9000, { type: 'auto' }), undefined, { budgetTokens: 4096, maxTokens: 9000 }],
  ])('%s', (_name, req, defaultMax, expected) => {
    expect(planThinking(req, defaultMax)).toEqual(expected)
  })
})
