import { describe, expect, it } from 'vitest'
import { SSEParser, sseFrame } from './sse.js'

const ANTHROPIC_STREAM =
  'event: message_start\ndata: {"type":"message_start"}\n\n' +
  'event: ping\ndata: {"type": "ping"}\n\n' +
  ': keep-alive comment\n\n' +
  'event: content_block_delta\ndata: {"type":"content_block_delta","delta":{"text":"héllo"}}\n\n'

describe('SSEParser', () => {
  it('yields messages with event names, whole or split at every byte', () => {
    const whole = new SSEParser().push(ANTHROPIC_STREAM)
    expect(whole.map((m) => m.event)).toEqual(['message_start', 'ping', 'content_block_delta'])
    const bytes = new TextEncoder().encode(ANTHROPIC_STREAM)
    const parser = new SSEParser()
    const split = [...bytes].flatMap((b) => parser.push(new Uint8Array([b])))
    expect(split).toEqual(whole)
    expect(JSON.parse(split[2].data).delta.text).toBe('héllo')
  })

  it('handles CRLF, multi-line data and a final message without its blank line', () => {
    const parser = new SSEParser()
    expect(parser.push('data: a\r\ndata: b\r\n\r\ndata: [DONE]')).toEqual([{ data: 'a\nb' }])
    expect(parser.end()).toEqual([{ data: '[DONE]' }])
  })

  it.each([
    ['a leading BOM', [[0xef, 0xbb, 0xbf], 'data: {"type":"ping"}\n\n'], '{"type":"ping"}'],
    ['a BOM split across chunks', [[0xef], [0xbb, 0xbf], 'data: {"type":"ping"}\n\n'], '{"type":"ping"}'],
    ['a BOM later on', ['data: {"t":"', [0xef, 0xbb, 0xbf], '"}\n\n'], '{"t":"\ufeff"}'],
    ['a character split across chunks', ['data: {"t":"', [0xe6, 0x97], [0xa5, 0xe6, 0x9c, 0xac], '"}\n\n'], '{"t":"日本"}'],
    ['invalid bytes', ['data: {"t":"', [0xff, 0xc0, 0x80], '"}\n\n'], '{"t":"\ufffd\ufffd\ufffd"}'],
    ['a truncated character at the end', ['data: {"t":"a"}\n\ndata: x', [0xe6, 0x97]], '{"t":"a"}'],
  ])('decodes bytes with %s as TextDecoder does', (_name, parts, firstData) => {
    const chunks = (parts as Array<number[] | string>).map((p) => (typeof p === 'string' ? Buffer.from(p) : Uint8Array.from(p)))
    const parser = new SSEParser()
    const messages = [...chunks.flatMap((c) => parser.push(c)), ...parser.end()]
    const reference = new SSEParser()
    const text = new TextDecoder().decode(Buffer.concat(chunks))
    expect(messages).toEqual([...reference.push(text), ...reference.end()])
    expect(messages[0].data).toBe(firstData)
  })

  it('frames messages', () => {
    expect(sseFrame('{}')).toBe('data: {}\n\n')
    expect(sseFrame('{}', 'ping')).toBe('event: ping\ndata: {}\n\n')
  })
})
