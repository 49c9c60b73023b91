import { describe, expect, it } from 'vitest'
import type { IRResponse } from '../../ir/types.js'
import { responseFromIR } from './ir-to-response.js'

const base: IRResponse = {
  id: 'msg_01Hq7Vt3Lm9XcB2nK5pR8sWe',
  model: 'claude-sonnet-4-5-20250929',
  created: 1771410001,
  content: [{ type: 'text', text: 'Hello there.' }],
  stopReason: 'end',
  stopSequence: null,
  usage: { inputTokens: 12, outputTokens: 5 },
}

describe('responseFromIR', () => {
  it('builds a chat.completion exactly as OpenAI sends one', () => {
    expect(responseFromIR(base, { model: 'smart' })).toEqual({
      id: 'msg_01Hq7Vt3Lm9XcB2nK5pR8sWe',
      object: 'chat.completion',
      created: 1771410001,
      model: 'smart',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Hello there.', refusal: null }, logprobs: null, finish_reason: 'stop' }],
      usage: { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17, prompt_tokens_details: { cached_tokens: 0 } },
      system_fingerprint: null,
    })
  })

  it('carries thinking as reasoning_content plus reasoning_details with signatures, and tool calls with null content', () => {
    const response = responseFromIR(
      {
        ...base,
        content: [
          { type: 'thinking', text: 'Need the weather.', signature: 'EqQBCkYIBRgCIkA' },
          { type: 'redacted_thinking', data: 'EmwKAhgBEgy' },
          { type: 'tool_call', id: 'toolu_01', name: 'get_weather', input: { city: 'Oslo' } },
          { type: 'tool_call', id: 'toolu_02', name: 'get_time', input: {}, signature: 'gemini-sig' },
        ],
        stopReason: 'tool_use',
        usage: { inputTokens: 100, outputTokens: 40, cacheReadTokens: 2000, cacheWriteTokens: 300, reasoningTokens: 25 },
      },
      { model: 'smart' },
    )
    expect(response.choices[0]).toEqual({
      index: 0,
      message: {
        role: 'assistant',
        content: null,
        refusal: null,
        reasoning_content: 'Need the weather.',
        reasoning_details: [
          { type: 'reasoning.text', text: 'Need the weather.', signature: 'EqQBCkYIBRgCIkA', index: 0 },
          { type: 'reasoning.encrypted', data: 'EmwKAhgBEgy', index: 1 },
        ],
        tool_calls: [
          { id: 'toolu_01', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } },
          { id: 'toolu_02', type: 'function', function: { name: 'get_time', arguments: '{}' }, extra_content: { google: { thought_signature: 'gemini-sig' } } },
        ],
      },
      logprobs: null,
      finish_reason: 'tool_calls',
    })
    expect(response.usage).toEqual({
      prompt_tokens: 2400,
      completion_tokens: 40,
      total_tokens: 2440,
      prompt_tokens_details: { cached_tokens: 2000 },
      completion_tokens_details: { reasoning_tokens: 25 },
    })
  })

  it.each([
    { stopReason: 'max_tokens', content: [], finish: 'length', text: '' },
    { stopReason: 'stop_sequence', content: [{ type: 'text', text: 'a' }], finish: 'stop', text: 'a' },
    { stopReason: 'content_filter', content: [{ type: 'text', text: 'No.' }], finish: 'content_filter', text: 'No.' },
    { stopReason: 'pause', content: [{ type: 'text', text: 'b' }], finish: 'stop', text: 'b' },
    // Gemini reports a plain stop after calling tools; OpenAI clients key agent loops on tool_calls.
    { stopReason: 'end', content: [{ type: 'tool_call', id: 'c', name: 'f', input: {} }], finish: 'tool_calls', text: null },
  ] as const)('stop reason $stopReason -> finish_reason $finish', ({ stopReason, content, finish, text }) => {
    const choice = responseFromIR({ ...base, stopReason, content: [...content] }, { model: 'm' }).choices[0]
    expect(choice.finish_reason).toBe(finish)
    expect(choice.message.content).toBe(text)
  })

  it('joins several text parts and keeps raw tool arguments that never parsed', () => {
    const message = responseFromIR(
      {
        ...base,
        content: [
          { type: 'text', text: 'one ' },
          { type: 'text', text: 'two' },
          { type: 'tool_call', id: 'c', name: 'f', input: '{"broken' },
        ],
      },
      { model: 'm' },
    ).choices[0].message
    expect(message.content).toBe('one two')
    expect(message.tool_calls?.[0].function.arguments).toBe('{"broken')
  })

  it('makes up an id and a timestamp when the upstream gave none', () => {
    const response = responseFromIR({ ...base, id: '', created: undefined }, { model: 'm' })
    expect(response.id).toMatch(/^chatcmpl-[A-Za-z0-9_-]{20}$/)
    expect(Math.abs(response.created - Date.now() / 1000)).toBeLessThan(5)
  })
})
