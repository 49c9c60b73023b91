import { describe, expect, it } from 'vitest'
import type { IRRequest } from '../../ir/types.js'
import type { OpenAIQuirks } from '../types.js'
import { effortForBudget, requestFromIR } from './ir-to-request.js'

/** An Anthropic-style agent turn: cache hints, signed thinking, tool results with an image. */
const agentTurn: IRRequest = {
  model: 'smart',
  system: [
    { type: 'text', text: 'You are a coding agent.', cache: { type: 'ephemeral' } },
    { type: 'text', text: 'Work in /repo.' },
  ],
  messages: [
    { role: 'user', parts: [{ type: 'text', text: 'Show me the logo and the README.' }] },
    {
      role: 'assistant',
      parts: [
        { type: 'thinking', text: 'Read both files.', signature: 'EqQBCkYIBRgC' },
        { type: 'redacted_thinking', data: 'EmwKAhgB' },
        { type: 'text', text: 'Reading them.' },
        { type: 'tool_call', id: 'toolu_01', name: 'read_file', input: { path: 'logo.png' } },
        { type: 'tool_call', id: 'toolu_02', name: 'read_file', input: { path: 'README.md' }, signature: 'gemini-sig' },
      ],
    },
    {
      role: 'user',
      parts: [
        { type: 'tool_result', callId: 'toolu_01', content: [{ type: 'image', source: { kind: 'base64', mediaType: 'image/png', data: 'iVBORw0KGgo=' } }] },
        {
          type: 'tool_result',
          callId: 'toolu_02',
          content: [
            { type: 'text', text: '# Project' },
            { type: 'text', text: 'A tool.' },
          ],
          isError: false,
        },
        { type: 'text', text: 'Summarise.', cache: { type: 'ephemeral' } },
      ],
    },
  ],
  tools: [{ name: 'read_file', description: 'Read a file', inputSchema: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] }, cache: { type: 'ephemeral' } }],
  toolChoice: { type: 'required' },
  parallelToolCalls: false,
  maxTokens: 4096,
  temperature: 0.2,
  topK: 40,
  stop: ['</done>'],
  reasoning: { enabled: true, budgetTokens: 10000 },
  stream: true,
}

describe('requestFromIR', () => {
  it('builds an OpenAI body: one system message, tool messages before the rest of the turn, no thinking', () => {
    expect(requestFromIR(agentTurn, { model: 'gpt-4.1' })).toEqual({
      model: 'gpt-4.1',
      messages: [
        { role: 'system', content: 'You are a coding agent.\n\nWork in /repo.' },
        { role: 'user', content: 'Show me the logo and the README.' },
        {
          role: 'assistant',
          content: 'Reading them.',
          tool_calls: [
            { id: 'toolu_01', type: 'function', function: { name: 'read_file', arguments: '{"path":"logo.png"}' } },
            { id: 'toolu_02', type: 'function', function: { name: 'read_file', arguments: '{"path":"README.md"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'toolu_01', content: '' },
        { role: 'tool', tool_call_id: 'toolu_02', content: '# Project\nA tool.' },
        {
          role: 'user',
          content: [
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
            { type: 'text', text: 'Summarise.' },
          ],
        },
      ],
      tools: [{ type: 'function', function: { name: 'read_file', description: 'Read a file', parameters: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] } } }],
      parallel_tool_calls: false,
      tool_choice: 'required',
      max_tokens: 4096,
      temperature: 0.2,
      stop: ['</done>'],
      reasoning_effort: 'medium',
      stream: true,
      stream_options: { include_usage: true },
    })
  })

  it.each<{ name: string; quirks: OpenAIQuirks; present: Record<string, unknown>; absent: string[] }>([
    { name: 'maxCompletionTokens', quirks: { maxCompletionTokens: true }, present: { max_completion_tokens: 4096 }, absent: ['max_tokens'] },
    { name: 'noParallelToolCalls', quirks: { noParallelToolCalls: true }, present: {}, absent: ['parallel_tool_calls'] },
    { name: 'noStreamOptions', quirks: { noStreamOptions: true }, present: { stream: true }, absent: ['stream_options'] },
    { name: 'noReasoningEffort', quirks: { noReasoningEffort: true }, present: {}, absent: ['reasoning_effort'] },
  ])('quirk $name', ({ quirks, present, absent }) => {
    const body = requestFromIR(agentTurn, { model: 'm', quirks }) as unknown as Record<string, unknown>
    expect(body).toMatchObject(present)
    for (const key of absent) expect(body).not.toHaveProperty(key)
  })

  it('sends earlier thinking back as reasoning_content under reasoningContentInput (DeepSeek)', () => {
    const body = requestFromIR(agentTurn, { model: 'deepseek-reasoner', quirks: { reasoningContentInput: true } })
    expect(body.messages[2]).toMatchObject({ role: 'assistant', reasoning_content: 'Read both files.' })
  })

  it('uses the default max tokens when the request has none, and omits what was not asked for', () => {
    const body = requestFromIR({ model: 'x', system: [], messages: [{ role: 'user', parts: [{ type: 'text', text: 'hi' }] }], stream: false }, { model: 'm', defaultMaxTokens: 1000 })
    expect(body).toEqual({ model: 'm', messages: [{ role: 'user', content: 'hi' }], max_tokens: 1000 })
  })

  it('does not send parallel_tool_calls without tools (OpenAI rejects it)', () => {
    const body = requestFromIR({ model: 'x', system: [], messages: [], parallelToolCalls: true, stream: false }, { model: 'm' })
    expect(body).not.toHaveProperty('parallel_tool_calls')
  })

  it.each([
    { name: 'a forced tool', fields: { toolChoice: { type: 'tool', name: 'f' } }, expected: { tool_choice: { type: 'function', function: { name: 'f' } } } },
    { name: 'json_schema without a name', fields: { responseFormat: { type: 'json_schema', schema: { type: 'object' } } }, expected: { response_format: { type: 'json_schema', json_schema: { name: 'response', schema: { type: 'object' } } } } },
    {
      name: 'a full json_schema',
      fields: { responseFormat: { type: 'json_schema', name: 'p', description: 'd', schema: { type: 'object' }, strict: true } },
      expected: { response_format: { type: 'json_schema', json_schema: { name: 'p', description: 'd', schema: { type: 'object' }, strict: true } } },
    },
    { name: 'json_object', fields: { responseFormat: { type: 'json_object' } }, expected: { response_format: { type: 'json_object' } } },
    { name: 'an explicit effort', fields: { reasoning: { enabled: true, effort: 'minimal', budgetTokens: 50000 } }, expected: { reasoning_effort: 'minimal' } },
    {
      name: 'sampling and identity fields',
      fields: { topP: 0.5, user: 'u-1', n: 2, seed: 3, frequencyPenalty: 0.4, presencePenalty: -0.4 },
      expected: { top_p: 0.5, user: 'u-1', n: 2, seed: 3, frequency_penalty: 0.4, presence_penalty: -0.4 },
    },
    {
      name: 'an image URL with detail',
      fields: { messages: [{ role: 'user', parts: [{ type: 'image', source: { kind: 'url', url: 'https://x/y.png' }, detail: 'high' }] }] },
      expected: { messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://x/y.png', detail: 'high' } }] }] },
    },
    {
      name: 'an assistant turn that only calls tools',
      fields: { messages: [{ role: 'assistant', parts: [{ type: 'tool_call', id: 'c', name: 'f', input: '{"raw' }] }] },
      expected: { messages: [{ role: 'assistant', content: null, tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{"raw' } }] }] },
    },
  ])('$name', ({ fields, expected }) => {
    const request = { model: 'x', system: [], messages: [], stream: false, ...fields } as IRRequest
    expect(requestFromIR(request, { model: 'm' })).toMatchObject(expected)
  })

  it('omits reasoning_effort when reasoning is off or unspecified', () => {
    for (const reasoning of [{ enabled: false }, { enabled: true }]) {
      expect(requestFromIR({ model: 'x', system: [], messages: [], reasoning, stream: false }, { model: 'm' })).not.toHaveProperty('reasoning_effort')
    }
  })
})

describe('effortForBudget', () => {
  it.each([
    [1024, 'low'],
    [4095, 'low'],
    [4096, 'medium'],
    [16383, 'medium'],
    [16384, 'high'],
    [64000, 'high'],
  ] as const)('%i tokens -> %s', (budget, effort) => {
    expect(effortForBudget(budget)).toBe(effort)
  })
})
