import { describe, expect, it } from 'vitest'
import { fixtureJson } from '../../../test/fixtures/anthropic/load.js'
import type { IRResponse } from '../../ir/types.js'
import { responseFromIR } from './ir-to-response.js'
import { responseToIR } from './response-to-ir.js'

const context = { model: 'claude-sonnet-4-5' }

describe('responseFromIR', () => {
  it('renders a translated response as an Anthropic Message', () => {
    const response: IRResponse = {
      id: 'chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG',
      model: 'gpt-4o-2024-08-06',
      content: [
        { type: 'thinking', text: 'Two cities, two calls.' },
        { type: 'text', text: 'Checking both.' },
        { type: 'tool_call', id: 'call_9f8e7d', name: 'get_weather', input: { city: 'Paris' } },
        { type: 'tool_call', id: 'call_1a2b3c', name: 'get_time', input: '{"tz":"Asia/Tokyo"}' },
      ],
      stopReason: 'tool_use',
      stopSequence: null,
      usage: { inputTokens: 80, outputTokens: 40, cacheReadTokens: 1024 },
    }
    const message = responseFromIR(response, context)
    expect(message.id).toMatch(/^msg_01[A-Za-z0-9]{22}$/)
    expect(message).toEqual({
      id: message.id,
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-5',
      content: [
        { type: 'thinking', thinking: 'Two cities, two calls.', signature: '' },
        { type: 'text', text: 'Checking both.' },
        { type: 'tool_use', id: 'call_9f8e7d', name: 'get_weather', input: { city: 'Paris' } },
        { type: 'tool_use', id: 'call_1a2b3c', name: 'get_time', input: { tz: 'Asia/Tokyo' } },
      ],
      stop_reason: 'tool_use',
      stop_sequence: null,
      usage: { input_tokens: 80, cache_creation_input_tokens: 0, cache_read_input_tokens: 1024, output_tokens: 40 },
    })
  })

  it.each([
    ['responses/text.json'],
    ['responses/tool-use-parallel.json'],
    ['responses/thinking.json'],
    ['responses/redacted-thinking.json'],
    ['responses/refusal.json'],
    ['responses/stop-sequence.json'],
  ])('%s survives Anthropic -> IR -> Anthropic', (file) => {
    const original = fixtureJson<Record<string, unknown>>(file)
    const again = responseFromIR(responseToIR(original), { model: original.model as string })
    const usage = original.usage as Record<string, unknown>
    expect(again).toEqual({
      id: original.id,
      type: 'message',
      role: 'assistant',
      model: original.model,
      content: original.content,
      stop_reason: original.stop_reason,
      stop_sequence: original.stop_sequence,
      usage: {
        input_tokens: usage.input_tokens,
        cache_creation_input_tokens: usage.cache_creation_input_tokens,
        cache_read_input_tokens: usage.cache_read_input_tokens,
        output_tokens: usage.output_tokens,
      },
    })
  })
})
