import { describe, expect, it } from 'vitest'
import { estimateInputTokens, estimatePartTokens, estimateTextTokens, estimateToolTokens, IMAGE_TOKENS } from './estimate-tokens.js'
import type { IRRequest, Part } from './types.js'

describe('estimateTextTokens', () => {
  it.each([
    ['', 0],
    ['abc', 1],
    ['abcd', 1],
    ['abcde', 2],
    ['x'.repeat(4000), 1000],
  ])('%j -> %i', (text, tokens) => {
    expect(estimateTextTokens(text)).toBe(tokens)
  })
})

describe('estimatePartTokens', () => {
  it.each<[string, Part, number]>([
    ['text', { type: 'text', text: 'x'.repeat(40) }, 10],
    ['image', { type: 'image', source: { kind: 'url', url: 'https://example.com/a.png' } }, IMAGE_TOKENS],
    ['thinking counts its text, not its signature', { type: 'thinking', text: 'x'.repeat(8), signature: 'S'.repeat(400) }, 2],
    ['redacted thinking is opaque', { type: 'redacted_thinking', data: 'D'.repeat(400) }, 0],
    ['tool call: name + JSON arguments', { type: 'tool_call', id: 'c1', name: 'abcd', input: { a: 1 } }, 1 + 2],
    [
      'tool result: its content',
      { type: 'tool_result', callId: 'c1', content: [{ type: 'text', text: 'x'.repeat(8) }, { type: 'image', source: { kind: 'base64', mediaType: 'image/png', data: 'AA' } }] },
      2 + IMAGE_TOKENS,
    ],
  ])('%s', (_name, part, tokens) => {
    expect(estimatePartTokens(part)).toBe(tokens)
  })
})

describe('estimateInputTokens', () => {
  it('adds system, messages with their overhead, and tool definitions', () => {
    const tool = { name: 'read_file', description: 'Read a file.', inputSchema: { type: 'object', properties: { path: { type: 'string' } } } }
    const request: IRRequest = {
      model: 'm',
      system: [{ type: 'text', text: 'x'.repeat(400) }],
      messages: [
        { role: 'user', parts: [{ type: 'text', text: 'y'.repeat(400) }] },
        { role: 'assistant', parts: [{ type: 'text', text: 'z'.repeat(40) }] },
      ],
      tools: [tool],
      stream: false,
    }
    expect(estimateInputTokens(request)).toBe(100 + (4 + 100) + (4 + 10) + estimateToolTokens(tool))
    expect(estimateToolTokens(tool)).toBe(8 + 3 + 3 + Math.ceil(JSON.stringify(tool.inputSchema).length / 4))
  })

  it('is small for an empty conversation', () => {
    expect(estimateInputTokens({ model: 'm', system: [], messages: [], stream: false })).toBe(0)
  })
})
