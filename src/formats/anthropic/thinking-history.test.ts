import { describe, expect, it } from 'vitest'
import { historyAllowsThinking } from './thinking-history.js'
import type { AnthropicMessageParam } from './wire-types.js'

const question: AnthropicMessageParam = { role: 'user', content: [{ type: 'text', text: 'Weather in Paris?' }] }
const toolUse = { type: 'tool_use' as const, id: 'toolu_01', name: 'get_weather', input: { city: 'Paris' } }
const result: AnthropicMessageParam = { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_01', content: [{ type: 'text', text: '18°C' }] }] }

describe('historyAllowsThinking', () => {
  it.each<[string, AnthropicMessageParam[], boolean]>([
    ['a first question', [question], true],
    ['an assistant answer without tools', [question, { role: 'assistant', content: [{ type: 'text', text: 'Sunny.' }] }, question], true],
    ['a tool loop with its thinking', [question, { role: 'assistant', content: [{ type: 'thinking', thinking: 'Look it up.', signature: 'EqQB' }, toolUse] }, result], true],
    ['a tool loop with redacted thinking', [question, { role: 'assistant', content: [{ type: 'redacted_thinking', data: 'EmwK' }, toolUse] }, result], true],
    ['a tool loop whose thinking was dropped', [question, { role: 'assistant', content: [{ type: 'text', text: 'Checking.' }, toolUse] }, result], false],
    ['only tool use', [question, { role: 'assistant', content: [toolUse] }, result], false],
  ])('%s -> %s', (_name, messages, expected) => {
    expect(historyAllowsThinking(messages)).toBe(expected)
  })
})
