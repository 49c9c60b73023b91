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

  it('reads field names exactly, values after one optional space, and lines with no colon as fields without value', () => {
    const parser = new SSEParser()
    const stream = 'data:x\ndata:  two spaces\ndatax: no\nid\nevent\n\ndata\n\n:only a comment\n\nid: 7\nevent: e\ndata: y\n\n'
    expect(parser.push(stream)).toEqual([{ data: 'x\n two spaces', event: '', id: '' }, { data: '' }, { data: 'y', event: 'e', id: '7' }])
  })

  it('drops an event name with no data, and keeps a lone CR inside a line', () => {
    const parser = new SSEParser()
    expect(parser.push('event: lonely\n\ndata: a\rb\r\n\r\n')).toEqual([{ data: 'a\rb' }])
  })

  it('matches the line-by-line reference on random streams cut at random places', () => {
    let seed = 7
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    const pieces = ['data', 'event', 'id', 'retry', ':', ': ', ' ', 'x', 'é', '日', '\n', '\r\n', '\r', '\n\n', '{"a":1}', '\ufeff']
    for (let round = 0; round < 300; round++) {
      let stream = ''
      for (let i = random(60); i > 0; i--) stream += pieces[random(pieces.length)]
      const bytes = Buffer.from(stream)
      const parser = new SSEParser()
      const got: unknown[] = []
      for (let at = 0; at < bytes.length; ) {
        const next = Math.min(bytes.length, at + 1 + random(12))
        got.push(...parser.push(bytes.subarray(at, next)))
        at = next
      }
      got.push(...parser.end())
      expect(got).toEqual(referenceParse(new TextDecoder().decode(bytes)))
    }
  })

  it('frames messages', () => {
    expect(sseFrame('{}')).toBe('data: {}\n\n')
    expect(sseFrame('{}', 'ping')).toBe('event: ping\ndata: {}\n\n')
  })
})

/** The SSE rules the parser follows, spelled out line by line (slow, obviously right): the model it is checked against. */
function referenceParse(text: string): Array<{ data: string; event?: string; id?: string }> {
  const messages: Array<{ data: string; event?: string; id?: string }> = []
  let data: string[] = []
  let event: string | undefined
  let id: string | undefined
  const lines = text.split('\n')
  lines.forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (line === '') {
      // The last piece after the final newline is not a line (end() takes it as one, then dispatches).
      if (i === lines.length - 1) return
      if (data.length > 0) messages.push({ data: data.join('\n'), ...(event !== undefined && { event }), ...(id !== undefined && { id }) })
      data = []
      event = id = undefined
      return
    }
    if (line.startsWith(':')) return
    const colon = line.indexOf(':')
    const field = colon === -1 ? line : line.slice(0, colon)
    let value = colon === -1 ? '' : line.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    if (field === 'data') data.push(value)
    else if (field === 'event') event = value
    else if (field === 'id') id = value
  })
  if (data.length > 0) messages.push({ data: data.join('\n'), ...(event !== undefined && { event }), ...(id !== undefined && { id }) })
  return messages
}
