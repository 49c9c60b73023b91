import { describe, expect, it } from 'vitest'
import { fixtureJson } from '../../../test/fixtures/anthropic/load.js'
import { GatewayError } from '../../ir/errors.js'
import type { IRResponse } from '../../ir/types.js'
import { responseToIR } from './response-to-ir.js'

describe('responseToIR', () => {
  it.each<[string, Partial<IRResponse>]>([
    [
      'responses/text.json',
      {
        id: 'msg_01Vb8Nc3Xz6Lk9Jh2Gf5Ds4A',
        model: 'claude-sonnet-4-5-20250929',
        content: [{ type: 'text', text: "Hi there! I'm doing well, thanks for asking. What can I help you with today?" }],
        stopReason: 'end',
        stopSequence: null,
        usage: { inputTokens: 14, outputTokens: 21, cacheReadTokens: 0, cacheWriteTokens: 0 },
      },
    ],
    [
      'responses/tool-use-parallel.json',
      {
        stopReason: 'tool_use',
        content: [
          { type: 'text', text: "I'll check the weather in both cities." },
          { type: 'tool_call', id: 'toolu_01Ab3CdE5fGh7IjK9LmN1oPq', name: 'get_weather', input: { city: 'Paris', unit: 'celsius' } },
          { type: 'tool_call', id: 'toolu_01Rs3TuV5wXy7Za9Bc1De3Fg', name: 'get_weather', input: { city: 'Tokyo', unit: 'celsius' } },
          { type: 'tool_call', id: 'toolu_01Hj4Kl7Zx0Cv3Bn6Mq9We2R', name: 'list_cities', input: {} },
        ],
      },
    ],
    [
      'responses/thinking.json',
      {
        content: [
          { type: 'thinking', text: '740 divided by 4 is 185.', signature: expect.stringMatching(/^EqQBCkgI.*GgE=$/) },
          { type: 'text', text: '740 ÷ 4 = 185' },
        ],
      },
    ],
    [
      'responses/redacted-thinking.json',
      { content: [{ type: 'redacted_thinking', data: expect.stringMatching(/^EmwKAhgB/) }, { type: 'text', text: 'Here is the short answer.' }] },
    ],
    ['responses/refusal.json', { content: [], stopReason: 'content_filter', usage: { inputTokens: 19, outputTokens: 6, cacheReadTokens: 0, cacheWriteTokens: 0 } }],
    [
      'responses/cache-usage.json',
      {
        content: [{ type: 'text', text: 'Node.js 20 was released on 18 April 2023.' }],
        usage: { inputTokens: 7, outputTokens: 142, cacheWriteTokens: 3310, cacheReadTokens: 5840 },
      },
    ],
    ['responses/stop-sequence.json', { stopReason: 'stop_sequence', stopSequence: '5' }],
  ])('%s', (file, expected) => {
    expect(responseToIR(fixtureJson(file))).toMatchObject(expected)
  })

  it('keeps the signature byte-identical', () => {
    const body = fixtureJson<{ content: Array<{ signature: string }> }>('responses/thinking.json')
    const part = responseToIR(body).content[0]
    expect(part.type === 'thinking' && part.signature).toBe(body.content[0].signature)
  })

  it.each([null, 'text', { type: 'error' }])('rejects %j as not a Message', (body) => {
    expect(() => responseToIR(body)).toThrow(GatewayError)
  })
})
