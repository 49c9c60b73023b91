import { describe, expect, it } from 'vitest'
import { fixtureJson } from '../../../test/fixtures/openai-chat/load.js'
import { GatewayError } from '../../ir/errors.js'
import type { IRResponse } from '../../ir/types.js'
import { responseToIR } from './response-to-ir.js'

describe('responseToIR', () => {
  it.each<{ fixture: string; expected: IRResponse }>([
    {
      fixture: 'response/openai-text.json',
      expected: {
        id: 'chatcmpl-Hy1Kq5TdE7aN9pZ3sB6uF4gOv8Lm',
        model: 'gpt-4.1-mini-2025-04-14',
        created: 1771409001,
        content: [{ type: 'text', text: 'Hello! How can I help you today?' }],
        stopReason: 'end',
        stopSequence: null,
        usage: { inputTokens: 226, outputTokens: 9, cacheReadTokens: 1024, reasoningTokens: 0 },
      },
    },
    {
      fixture: 'response/openai-parallel-tools.json',
      expected: {
        id: 'chatcmpl-Iz2Lr6UeF8bO0qA4tC7vG5hPw9Mn',
        model: 'gpt-5-nano-2025-08-07',
        created: 1771409102,
        content: [
          { type: 'tool_call', id: 'call_Rk2yT8wQ1nLmZ4pV6xC0aBsD', name: 'get_weather', input: { city: 'Paris' } },
          { type: 'tool_call', id: 'call_Hn5uJ3eK7oPqW9rS2tY4vXzA', name: 'get_weather', input: { city: 'Tokyo' } },
        ],
        stopReason: 'tool_use',
        stopSequence: null,
        usage: { inputTokens: 162, outputTokens: 283, cacheReadTokens: 0, reasoningTokens: 256 },
      },
    },
    {
      fixture: 'response/deepseek-reasoning.json',
      expected: {
        id: 'c41e9b07-2d5f-4a83-b6e1-0f9a7c3d5e28',
        model: 'deepseek-reasoner',
        created: 1771409203,
        content: [
          { type: 'thinking', text: 'The user asks for 17 times 23. 17*20=340, 17*3=51, total 391.' },
          { type: 'text', text: '17 × 23 = **391**.' },
        ],
        stopReason: 'end',
        stopSequence: null,
        usage: { inputTokens: 14, outputTokens: 61, cacheReadTokens: 0, reasoningTokens: 48 },
      },
    },
    {
      // xAI: empty content beside tool calls, reasoning tokens counted outside completion_tokens.
      fixture: 'response/xai-tool-call.json',
      expected: {
        id: '9d27c4e1-58a0-b3f6-1c7e-2a4d8f0b6e93',
        model: 'grok-3-mini',
        created: 1771409304,
        content: [
          { type: 'thinking', text: 'The user wants the weather in Oslo. I will call the tool.' },
          { type: 'tool_call', id: 'call_51846207', name: 'get_weather', input: { city: 'Oslo' } },
        ],
        stopReason: 'tool_use',
        stopSequence: null,
        usage: { inputTokens: 40, outputTokens: 216, cacheReadTokens: 256, reasoningTokens: 192 },
      },
    },
    {
      fixture: 'response/refusal.json',
      expected: {
        id: 'chatcmpl-Ja3Ms7VfG9cP1rB5uD8wH6iQx0No',
        model: 'gpt-4o-2024-08-06',
        created: 1771409405,
        content: [{ type: 'text', text: "I'm sorry, but I can't help with that." }],
        stopReason: 'content_filter',
        stopSequence: null,
        usage: { inputTokens: 64, outputTokens: 10, cacheReadTokens: 0, reasoningTokens: 0 },
      },
    },
    {
      // OpenRouter: `reasoning_details` (signatures, encrypted blocks) preferred over the plain `reasoning` copy.
      fixture: 'response/openrouter-reasoning.json',
      expected: {
        id: 'gen-1771409506-Lk4Nt8WgH0dQ2sC6vE9xI7jRy1Op',
        model: 'anthropic/claude-sonnet-4.5',
        created: 1771409506,
        content: [
          { type: 'thinking', text: 'Two primes that sum to 10: 3+7 and 5+5.', signature: 'EqMDCkYIBxgCKkB3vQ2x9sLr8Zp1TnYwKcFhJd0Ga4mXbEoU6iR5yNq7Pe' },
          { type: 'redacted_thinking', data: 'EmwKAhgBEgy3vQ2x9sLr8Zp1TnYaDKcFhJd0Ga4mXbEoU6' },
          { type: 'text', text: '3 + 7 and 5 + 5.' },
        ],
        stopReason: 'end',
        stopSequence: null,
        usage: { inputTokens: 42, outputTokens: 64, cacheReadTokens: 0, reasoningTokens: 41 },
      },
    },
    {
      fixture: 'response/mistral-thinking.json',
      expected: {
        id: 'b7e2f19c0a4d4e5f8c3b6a9d2e1f0c7b',
        model: 'magistral-medium-2509',
        created: 1771409607,
        content: [
          { type: 'thinking', text: 'Halve 84 to get 42.' },
          { type: 'text', text: 'Half of 84 is 42.' },
        ],
        stopReason: 'end',
        stopSequence: null,
        usage: { inputTokens: 11, outputTokens: 26 },
      },
    },
    {
      fixture: 'response/ollama-reasoning.json',
      expected: {
        id: 'chatcmpl-412',
        model: 'qwen3:8b',
        created: 1771409708,
        content: [
          { type: 'thinking', text: 'The capital of France is Paris.' },
          { type: 'text', text: 'Paris.' },
        ],
        stopReason: 'end',
        stopSequence: null,
        usage: { inputTokens: 18, outputTokens: 25 },
      },
    },
    {
      fixture: 'response/unparseable-arguments.json',
      expected: {
        id: 'chatcmpl-Kb4Nt8WgH0dQ2sC6vE9xI7jRy1Pq',
        model: 'llama-3.3-70b-versatile',
        created: 1771409809,
        content: [{ type: 'tool_call', id: 'call_x7k2', name: 'search', input: '{"query": "unterminated' }],
        stopReason: 'tool_use',
        stopSequence: null,
        usage: { inputTokens: 220, outputTokens: 18 },
      },
    },
  ])('$fixture', ({ fixture, expected }) => {
    expect(responseToIR(fixtureJson(fixture))).toEqual(expected)
  })

  it('maps finish_reason length', () => {
    const body = fixtureJson<Record<string, unknown>>('response/openai-text.json')
    const choices = body.choices as Array<Record<string, unknown>>
    expect(responseToIR({ ...body, choices: [{ ...choices[0], finish_reason: 'length' }] }).stopReason).toBe('max_tokens')
  })

  it('reads a legacy function_call', () => {
    const ir = responseToIR({
      id: 'x',
      model: 'm',
      choices: [{ index: 0, message: { role: 'assistant', content: null, function_call: { name: 'f', arguments: '{"a":1}' } }, finish_reason: 'function_call' }],
    })
    expect(ir.content).toEqual([{ type: 'tool_call', id: 'call_x_0', name: 'f', input: { a: 1 } }])
    expect(ir.stopReason).toBe('tool_use')
  })

  it.each([
    { name: 'a non-object body', body: 'nope', kind: 'bad_gateway' },
    { name: 'no choices', body: { id: 'x', choices: [] }, kind: 'bad_gateway' },
    { name: 'a 200 carrying an error envelope', body: { error: { message: 'Provider returned error', code: 502 } }, kind: 'bad_gateway' },
    { name: 'a 200 carrying a rate limit error', body: { error: { message: 'slow down', type: 'rate_limit_error' } }, kind: 'rate_limit' },
  ])('throws on $name', ({ body, kind }) => {
    expect(() => responseToIR(body)).toThrow(GatewayError)
    try {
      responseToIR(body)
    } catch (error) {
      expect((error as GatewayError).kind).toBe(kind)
    }
  })
})
