import { describe, expect, it } from 'vitest'
import { fixtureJson } from '../../../test/fixtures/gemini/load.js'
import { GatewayError } from '../../ir/errors.js'
import { responseToIR } from './response-to-ir.js'

describe('Gemini responseToIR on recorded-style responses', () => {
  it('text with a thoughtSignature keeps it on the text part; cached tokens leave input', () => {
    const body = fixtureJson<any>('text-gemini3.json')
    const ir = responseToIR(body)
    expect(ir).toEqual({
      id: 'q8NvacXo2pLQxN8PlKmB4Ag',
      model: 'gemini-3-pro-preview',
      content: [
        {
          type: 'text',
          text: 'Paris is the capital of France. It sits on the Seine.',
          signature: body.candidates[0].content.parts[0].thoughtSignature,
        },
      ],
      stopReason: 'end',
      stopSequence: null,
      usage: { inputTokens: 262, outputTokens: 135, cacheReadTokens: 2048, reasoningTokens: 121 },
    })
  })

  it('gemini-3 tool call: synthesized id, args as input, signature kept, tool_use', () => {
    const body = fixtureJson<any>('tool-call-gemini3.json')
    const ir = responseToIR(body)
    expect(ir.content).toEqual([
      {
        type: 'tool_call',
        id: 'call_Zf1tadO3Do3Txs0Pk9_u6Ak_0',
        name: 'get_weather',
        input: { city: 'Lisbon', unit: 'celsius' },
        signature: body.candidates[0].content.parts[0].thoughtSignature,
      },
    ])
    expect(ir.stopReason).toBe('tool_use')
    expect(ir.usage).toEqual({ inputTokens: 61, outputTokens: 430, reasoningTokens: 412 })
  })

  it('parallel calls: ids by position, only the first carries the signature, no-args call gets {}', () => {
    const ir = responseToIR(fixtureJson('tool-call-parallel.json'))
    expect(ir.content.map((part) => part.type)).toEqual(['text', 'tool_call', 'tool_call', 'tool_call'])
    const calls = ir.content.filter((part) => part.type === 'tool_call')
    expect(calls.map((call) => [call.id, call.input, call.signature !== undefined])).toEqual([
      ['call_x2FuaeGQMYqcxN8P7Ymz-Ao_0', { city: 'Oslo' }, true],
      ['call_x2FuaeGQMYqcxN8P7Ymz-Ao_1', { city: 'Bergen' }, false],
      ['call_x2FuaeGQMYqcxN8P7Ymz-Ao_2', {}, false],
    ])
  })

  it('thought parts become thinking; the answer keeps its own signature', () => {
    const ir = responseToIR(fixtureJson('reasoning-thoughts.json'))
    expect(ir.content).toMatchObject([
      { type: 'thinking', text: expect.stringContaining('Counting letters') },
      { type: 'text', text: 'There are 3 r\'s in "strawberry".', signature: expect.any(String) },
    ])
    expect(ir.content[0]).not.toHaveProperty('signature')
  })

  it.each([
    ['safety-finish.json', 'content_filter', 0],
    ['max-tokens.json', 'max_tokens', 1],
  ] as const)('%s -> stopReason %s', (fixture, stopReason, parts) => {
    const ir = responseToIR(fixtureJson(fixture))
    expect(ir.stopReason).toBe(stopReason)
    expect(ir.content).toHaveLength(parts)
  })

  it('a blocked prompt (no candidates) throws a content_filter invalid_request error', () => {
    let thrown: unknown
    try {
      responseToIR(fixtureJson('blocked-prompt.json'))
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(GatewayError)
    expect(thrown).toMatchObject({
      kind: 'invalid_request',
      message: 'prompt blocked by Gemini: PROHIBITED_CONTENT',
      code: 'content_filter',
    })
  })

  it('a signature-only part signs the part before it, or becomes an empty thinking part', () => {
    const ir = responseToIR({
      candidates: [
        {
          content: {
            role: 'model',
            parts: [{ text: 'one' }, { text: '', thoughtSignature: 'sig-a' }, { text: '', thoughtSignature: 'sig-b' }],
          },
          finishReason: 'STOP',
        },
      ],
    })
    expect(ir.content).toEqual([
      { type: 'text', text: 'one', signature: 'sig-a' },
      { type: 'thinking', text: '', signature: 'sig-b' },
    ])
  })

  it('keeps createTime as unix seconds and tolerates a missing usageMetadata', () => {
    const ir = responseToIR({
      candidates: [{ content: { parts: [{ text: 'ok' }] }, finishReason: 'STOP' }],
      createTime: '2026-05-11T09:14:02.118273Z',
    })
    expect(ir.created).toBe(Math.floor(Date.parse('2026-05-11T09:14:02Z') / 1000))
    expect(ir.usage).toEqual({ inputTokens: 0, outputTokens: 0 })
  })

  it('rejects a body that is not an object', () => {
    expect(() => responseToIR([{ candidates: [] }])).toThrow(GatewayError)
  })
})
