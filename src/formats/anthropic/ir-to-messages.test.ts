import { describe, expect, it } from 'vitest'
import type { Message } from '../../ir/types.js'
import { messagesFromIR } from './ir-to-messages.js'

const SIGNATURE = 'EqQBCkgIChABGAIiQLr3mX0c8vJz1hN5kqTgP2sWfYb7uE4dRaLo9nHiC6xM+/='

describe('messagesFromIR', () => {
  it('merges consecutive same-role turns and puts tool results first', () => {
    // What an OpenAI-format client sends: one `tool` message per result, then a user message.
    const messages: Message[] = [
      { role: 'user', parts: [{ type: 'text', text: 'Weather in Paris and Tokyo?' }] },
      {
        role: 'assistant',
        parts: [
          { type: 'text', text: '' },
          { type: 'tool_call', id: 'call_9f8e7d', name: 'get_weather', input: { city: 'Paris' } },
          { type: 'tool_call', id: 'call_1a2b3c', name: 'get_weather', input: '{"city":"Tokyo"}' },
        ],
      },
      { role: 'user', parts: [{ type: 'text', text: 'Be brief.' }] },
      { role: 'user', parts: [{ type: 'tool_result', callId: 'call_9f8e7d', name: 'get_weather', content: [{ type: 'text', text: '18°C' }] }] },
      { role: 'user', parts: [{ type: 'tool_result', callId: 'call_1a2b3c', content: [], isError: true }] },
    ]
    expect(messagesFromIR(messages)).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Weather in Paris and Tokyo?' }] },
      {
        role: 'assistant',
        content: [
          { type: 'tool_use', id: 'call_9f8e7d', name: 'get_weather', input: { city: 'Paris' } },
          { type: 'tool_use', id: 'call_1a2b3c', name: 'get_weather', input: { city: 'Tokyo' } },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'call_9f8e7d', content: [{ type: 'text', text: '18°C' }] },
          { type: 'tool_result', tool_use_id: 'call_1a2b3c', is_error: true },
          { type: 'text', text: 'Be brief.' },
        ],
      },
    ])
  })

  it('puts signed thinking first, unchanged, and drops unsigned thinking', () => {
    const messages: Message[] = [
      { role: 'user', parts: [{ type: 'text', text: 'q' }] },
      { role: 'assistant', parts: [{ type: 'text', text: 'Partial answer.' }] },
      {
        role: 'assistant',
        parts: [
          { type: 'thinking', text: 'reasoning from another provider' },
          { type: 'thinking', text: 'signed reasoning', signature: SIGNATURE },
          { type: 'redacted_thinking', data: 'EmwKAhgB' },
          { type: 'tool_call', id: 'toolu_01', name: 'noop', input: {} },
        ],
      },
    ]
    const [, assistant] = messagesFromIR(messages)
    expect(assistant.content).toEqual([
      { type: 'thinking', thinking: 'signed reasoning', signature: SIGNATURE },
      { type: 'redacted_thinking', data: 'EmwKAhgB' },
      { type: 'text', text: 'Partial answer.' },
      { type: 'tool_use', id: 'toolu_01', name: 'noop', input: {} },
    ])
  })

  it.each([
    ['base64 stays base64', { kind: 'base64' as const, mediaType: 'image/jpeg', data: '/9j/4AAQ' }, { type: 'base64', media_type: 'image/jpeg', data: '/9j/4AAQ' }],
    ['a data: URL becomes base64', { kind: 'url' as const, url: 'data:image/png;base64,iVBORw0KGgo=' }, { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' }],
    ['an http URL stays a URL', { kind: 'url' as const, url: 'https://example.com/cat.webp' }, { type: 'url', url: 'https://example.com/cat.webp' }],
  ])('images: %s', (_name, source, expected) => {
    const [message] = messagesFromIR([{ role: 'user', parts: [{ type: 'image', source, detail: 'high' }] }])
    expect(message.content).toEqual([{ type: 'image', source: expected }])
  })

  it('makes foreign tool ids fit Anthropic, the same way for call and result', () => {
    const out = messagesFromIR([
      { role: 'assistant', parts: [{ type: 'tool_call', id: 'functions.get_time:0', name: 'get_time', input: {} }] },
      { role: 'user', parts: [{ type: 'tool_result', callId: 'functions.get_time:0', content: [{ type: 'text', text: 'noon' }] }] },
    ])
    expect(out[0].content).toEqual([{ type: 'tool_use', id: 'functions_get_time_0', name: 'get_time', input: {} }])
    expect(out[1].content).toEqual([{ type: 'tool_result', tool_use_id: 'functions_get_time_0', content: [{ type: 'text', text: 'noon' }] }])
  })

  it('keeps cache hints as cache_control', () => {
    const [message] = messagesFromIR([
      {
        role: 'user',
        parts: [
          { type: 'text', text: 'long document', cache: { type: 'ephemeral', ttl: '1h' } },
          { type: 'tool_result', callId: 't', content: [{ type: 'text', text: 'r', cache: { type: 'ephemeral' } }], cache: { type: 'ephemeral' } },
        ],
      },
    ])
    expect(message.content).toEqual([
      { type: 'tool_result', tool_use_id: 't', content: [{ type: 'text', text: 'r', cache_control: { type: 'ephemeral' } }], cache_control: { type: 'ephemeral' } },
      { type: 'text', text: 'long document', cache_control: { type: 'ephemeral', ttl: '1h' } },
    ])
  })

  it.each([
    { prefill: 'Sure, ', sent: [{ type: 'text', text: 'Sure,' }] },
    { prefill: 'The answer is:\n', sent: [{ type: 'text', text: 'The answer is:' }] },
    { prefill: '   ', sent: undefined },
  ])('trims a final assistant prefill ($prefill) that Anthropic would reject for its trailing whitespace', ({ prefill, sent }) => {
    const messages = messagesFromIR([
      { role: 'user', parts: [{ type: 'text', text: 'Say it ' }] },
      { role: 'assistant', parts: [{ type: 'text', text: prefill }] },
    ])
    expect(messages[0].content).toEqual([{ type: 'text', text: 'Say it ' }])
    expect(messages[1]?.content).toEqual(sent)
    expect(messages).toHaveLength(sent ? 2 : 1)
  })

  it('leaves whitespace alone in assistant turns that are not last', () => {
    const messages = messagesFromIR([
      { role: 'user', parts: [{ type: 'text', text: 'hi' }] },
      { role: 'assistant', parts: [{ type: 'text', text: 'Hello! ' }] },
      { role: 'user', parts: [{ type: 'text', text: 'again' }] },
    ])
    expect(messages[1].content).toEqual([{ type: 'text', text: 'Hello! ' }])
  })
})
