import { describe, expect, it } from 'vitest'
import { ToolCallIndexRewriter } from './openai-forward.js'

function through(pieces: Array<string | Buffer>): Buffer[] {
  const rewriter = new ToolCallIndexRewriter()
  const out: Buffer[] = []
  for (const piece of pieces) {
    const lines = rewriter.push(Buffer.isBuffer(piece) ? piece : Buffer.from(piece))
    if (lines) out.push(lines)
  }
  const rest = rewriter.end()
  if (rest) out.push(rest)
  return out
}
const text = (pieces: Array<string | Buffer>) => Buffer.concat(through(pieces)).toString('utf8')

const line = (data: unknown) => `data: ${JSON.stringify(data)}\n\n`
const call = (index: number, extra: Record<string, unknown> = {}) => ({ choices: [{ index: 0, delta: { tool_calls: [{ index, ...extra }] } }] })

describe('ToolCallIndexRewriter', () => {
  it('passes a stream that needs no renumbering through byte for byte, however it is cut', () => {
    const stream = [line({ choices: [{ index: 0, delta: { content: 'héllo' } }] }), line(call(0, { id: 'a' })), ': keep-alive\r\n\r\n', 'data: [DONE]\n\n'].join('')
    const cuts = [stream.slice(0, 7), stream.slice(7, 40), stream.slice(40)]
    expect(text(cuts)).toBe(stream)
    // Split inside a multi-byte character too.
    const bytes = Buffer.from(stream)
    const at = bytes.indexOf(Buffer.from('é')) + 1
    expect(text([bytes.subarray(0, at), bytes.subarray(at)])).toBe(stream)
    // One byte at a time.
    expect(text([...bytes].map((b) => Buffer.from([b])))).toBe(stream)
  })

  it('rewrites only the tool-call lines whose index changes, keeping CRLF framing', () => {
    const input = [line(call(1, { id: 'a' })).replace(/\n/g, '\r\n'), line({ choices: [{ index: 0, delta: { content: 'x' } }] }), line(call(1))].join('')
    expect(text([input])).toBe([line(call(0, { id: 'a' })).replace(/\n/g, '\r\n'), line({ choices: [{ index: 0, delta: { content: 'x' } }] }), line(call(0))].join(''))
  })

  it('renumbers a tool-call line split across chunks, "tool_calls" itself cut in two', () => {
    const input = line(call(1, { id: 'a' }))
    const at = input.indexOf('tool_') + 3
    expect(text([input.slice(0, at), input.slice(at)])).toBe(line(call(0, { id: 'a' })))
  })

  it('hands on a chunk of whole lines with no tool calls as the same Buffer, and holds back an incomplete last line', () => {
    const whole = Buffer.from(line({ choices: [{ index: 0, delta: { content: 'x' } }] }))
    const rewriter = new ToolCallIndexRewriter()
    expect(rewriter.push(whole)).toBe(whole)
    expect(rewriter.push(Buffer.from('data: {"partial'))).toBeUndefined()
    expect(rewriter.push(Buffer.from('":1}\n\nda'))?.toString()).toBe('data: {"partial":1}\n\n')
    expect(rewriter.end()?.toString()).toBe('da')
  })

  it('passes bytes that are not valid UTF-8 through untouched', () => {
    const odd = Buffer.concat([Buffer.from('data: '), Buffer.from([0xff, 0xfe]), Buffer.from('\n\n')])
    expect(Buffer.concat(through([odd]))).toEqual(odd)
  })

  it('a final line without a newline still comes out', () => {
    expect(text(['data: [DONE]'])).toBe('data: [DONE]')
  })
})
