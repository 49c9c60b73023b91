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

  it('frames messages', () => {
    expect(sseFrame('{}')).toBe('data: {}\n\n')
    expect(sseFrame('{}', 'ping')).toBe('event: ping\ndata: {}\n\n')
  })
})
