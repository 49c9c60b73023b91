import { describe, expect, it } from 'vitest'
import { fixtureJson } from '../../../test/fixtures/anthropic/load.js'
import { GatewayError } from '../../ir/errors.js'
import type { IRRequest } from '../../ir/types.js'
import { requestToIR } from './request-to-ir.js'

const base = { model: 'claude-sonnet-4-5', max_tokens: 1024 }
const user = (content: unknown) => ({ ...base, messages: [{ role: 'user', content }] })

function errorOf(body: unknown): GatewayError {
  try {
    requestToIR(body)
  } catch (error) {
    if (error instanceof GatewayError) return error
    throw error
  }
  throw new Error('expected a GatewayError')
}

describe('requestToIR', () => {
  it('parses a coding-agent request with every translatable feature', () => {
    const ir = requestToIR(fixtureJson('requests/agent-thinking.json'))
    expect(ir).toMatchObject({
      model: 'claude-sonnet-4-5-20250929',
      maxTokens: 8000,
      stream: true,
      reasoning: { enabled: true, budgetTokens: 2048 },
      toolChoice: { type: 'auto' },
      parallelToolCalls: false,
      user: 'user-7f3a9c2e',
      stop: ['</done>'],
      topP: 0.97,
    })
    expect(ir.system).toEqual([
      { type: 'text', text: 'You are a careful coding agent working in a TypeScript repository. Prefer small, tested changes.' },
      { type: 'text', text: 'Project conventions: ESM imports with .js suffix; vitest for tests; no default exports.', cache: { type: 'ephemeral' } },
    ])
    expect(ir.tools?.[1]).toEqual({
      name: 'run_tests',
      description: 'Run the test suite and report failures.',
      inputSchema: { type: 'object', properties: {} },
      strict: true,
      cache: { type: 'ephemeral', ttl: '1h' },
    })
    const [first, assistant, results, redacted] = ir.messages
    expect(first.parts[1]).toMatchObject({ type: 'image', source: { kind: 'base64', mediaType: 'image/png' } })
    expect(assistant.parts[0]).toMatchObject({ type: 'thinking', signature: expect.stringMatching(/^EqQB/) })
    expect(assistant.parts[3]).toEqual({ type: 'tool_call', id: 'toolu_01Rs3TuV5wXy7Za9Bc1De3Fg', name: 'run_tests', input: {} })
    expect(results.parts[1]).toEqual({
      type: 'tool_result',
      callId: 'toolu_01Rs3TuV5wXy7Za9Bc1De3Fg',
      content: [
        { type: 'text', text: 'FAIL src/math/add.test.ts > adds\nexpected -1 to be 5' },
        { type: 'image', source: { kind: 'url', url: 'https://ci.example.com/artifacts/1234/coverage.png' } },
      ],
      isError: true,
    })
    expect(results.parts[2]).toEqual({ type: 'text', text: 'Please fix it.', cache: { type: 'ephemeral' } })
    expect(redacted.parts[0]).toMatchObject({ type: 'redacted_thinking', data: expect.stringMatching(/^EmwK/) })
  })

  it('parses sampling, forced tool choice and string content', () => {
    const sampling = requestToIR(fixtureJson('requests/plain-sampling.json'))
    expect(sampling).toMatchObject({ temperature: 0.3, topK: 40, toolChoice: { type: 'tool', name: 'lookup_capital' }, stream: false })
    expect(sampling.parallelToolCalls).toBeUndefined()
    const strings = requestToIR(fixtureJson('requests/string-content.json'))
    expect(strings.system).toEqual([{ type: 'text', text: 'You are terse.' }])
    expect(strings.messages[0].parts).toEqual([{ type: 'text', text: 'Hello' }])
    expect(strings.messages[2].parts).toEqual([{ type: 'tool_result', callId: 'toolu_01Zz9Yy8Xx7Ww6Vv5Uu4Tt3S', content: [{ type: 'text', text: 'pong' }] }])
  })

  it.each<[string, Record<string, unknown>, Partial<IRRequest>]>([
    ['thinking disabled', { thinking: { type: 'disabled' } }, { reasoning: { enabled: false } }],
    ['adaptive thinking', { thinking: { type: 'adaptive' } }, { reasoning: { enabled: true } }],
    ['effort', { output_config: { effort: 'max' } }, { reasoning: { enabled: true, effort: 'high' } }],
    [
      'effort with a budget',
      { thinking: { type: 'enabled', budget_tokens: 4000 }, output_config: { effort: 'low' } },
      { reasoning: { enabled: true, budgetTokens: 4000, effort: 'low' } },
    ],
    [
      'structured output',
      { output_config: { format: { type: 'json_schema', schema: { type: 'object', properties: { a: { type: 'string' } } } } } },
      { responseFormat: { type: 'json_schema', schema: { type: 'object', properties: { a: { type: 'string' } } } } },
    ],
    ['tool_choice any', { tool_choice: { type: 'any', disable_parallel_tool_use: true } }, { toolChoice: { type: 'required' }, parallelToolCalls: false }],
    ['tool_choice none', { tool_choice: { type: 'none' } }, { toolChoice: { type: 'none' } }],
    ['metadata without user', { metadata: {} }, {}],
    ['top_p', { top_p: 0.9 }, { topP: 0.9 }],
  ])('%s', (_name, extra, expected) => {
    expect(requestToIR({ ...user('hi'), ...extra })).toMatchObject(expected)
  })

  it('a top-level cache_control marks the last block of the last message', () => {
    const ir = requestToIR({ ...base, cache_control: { type: 'ephemeral' }, messages: [{ role: 'user', content: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }] }] })
    expect(ir.messages[0].parts).toEqual([{ type: 'text', text: 'a' }, { type: 'text', text: 'b', cache: { type: 'ephemeral' } }])
  })

  it.each<[string, unknown, string, string]>([
    ['document block', fixtureJson('requests/document.json'), "'document' content blocks cannot be translated for a non-Anthropic provider", 'messages.0.content.0.type'],
    ['server tool', fixtureJson('requests/server-tool.json'), "server tool 'web_search_20250305' runs inside Anthropic's API", 'tools.0.type'],
    [
      'server_tool_use block',
      { ...base, messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: [{ type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: {} }] }] },
      "'server_tool_use' content blocks cannot be translated",
      'messages.1.content.0.type',
    ],
    ['file image source', user([{ type: 'image', source: { type: 'file', file_id: 'file_1' } }]), "Image sources of type 'file' (Files API) cannot be translated", 'messages.0.content.0.source.type'],
    ['document inside a tool_result', user([{ type: 'tool_result', tool_use_id: 't1', content: [{ type: 'document', source: {} }] }]), "'document' blocks inside a tool_result cannot be translated", 'messages.0.content.0.content.0.type'],
    ['unknown block', user([{ type: 'hologram' }]), "Input tag 'hologram' found using 'type' does not match any of the expected tags", 'messages.0.content.0.type'],
    ['text without text', user([{ type: 'text' }]), 'Field required', 'messages.0.content.0.text'],
    ['tool_use in a user turn', user([{ type: 'tool_use', id: 'a', name: 'b', input: {} }]), 'tool_use blocks are only allowed in assistant messages', 'messages.0.content.0'],
    ['tool_use input not an object', { ...base, messages: [{ role: 'assistant', content: [{ type: 'tool_use', id: 'a', name: 'b', input: '{}' }] }] }, 'Input should be a valid dictionary', 'messages.0.content.0.input'],
    ['bad cache_control', user([{ type: 'text', text: 'x', cache_control: { type: 'persistent' } }]), "Input should be 'ephemeral'", 'messages.0.content.0.cache_control.type'],
    ['bad ttl', user([{ type: 'text', text: 'x', cache_control: { type: 'ephemeral', ttl: '1d' } }]), "Input should be '5m' or '1h'", 'messages.0.content.0.cache_control.ttl'],
    ['system not text', { ...user('x'), system: [{ type: 'image' }] }, "Input should be 'text'", 'system.0.type'],
    ['tool without schema', { ...user('x'), tools: [{ name: 'a' }] }, 'Field required', 'tools.0.input_schema'],
    ['tool name pattern', { ...user('x'), tools: [{ name: 'my tool', input_schema: { type: 'object' } }] }, 'String should match pattern', 'tools.0.name'],
    ['tool_choice tool without name', { ...user('x'), tool_choice: { type: 'tool' } }, 'Field required', 'tool_choice.name'],
    ['thinking budget too small', { ...user('x'), thinking: { type: 'enabled', budget_tokens: 500 } }, 'Input should be greater than or equal to 1024', 'thinking.enabled.budget_tokens'],
    ['temperature above 1', { ...user('x'), temperature: 1.5 }, 'Input should be less than or equal to 1', 'temperature'],
    ['top_k fractional', { ...user('x'), top_k: 2.5 }, 'Input should be a valid integer', 'top_k'],
    ['stop sequence not a string', { ...user('x'), stop_sequences: ['a', 3] }, 'Input should be a valid string', 'stop_sequences.1'],
    ['user id not a string', { ...user('x'), metadata: { user_id: 9 } }, 'Input should be a valid string', 'metadata.user_id'],
    ['format not json_schema', { ...user('x'), output_config: { format: { type: 'xml' } } }, "Input should be 'json_schema'", 'output_config.format.type'],
  ])('refuses %s', (_name, body, message, param) => {
    const error = errorOf(body)
    expect(error.kind).toBe('invalid_request')
    expect(error.message).toContain(message)
    expect(error.message.startsWith(`${param}: `)).toBe(true)
    expect(error.param).toBe(param)
  })

  it('runs the structural check first', () => {
    expect(errorOf({ model: 'x', messages: [{ role: 'user', content: 'hi' }] }).message).toBe('max_tokens: Field required')
  })
})
