import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { ToolCallIndexStream } from './openai-forward.js'

async function through(pieces: string[]): Promise<string> {
  const out: Buffer[] = []
  for await (const chunk of Readable.from(pieces.map((p) => Buffer.from(p))).pipe(new ToolCallIndexStream())) out.push(chunk as Buffer)
  return Buffer.concat(out).toString('utf8')
}

const line = (data: unknown) => `data: ${JSON.stringify(data)}\n\n`
const call = (index: number, extra: Record<string, unknown> = {}) => ({ choices: [{ index: 0, delta: { tool_calls: [{ index, ...extra }] } }] })

describe('ToolCallIndexStream', () => {
  it('passes a stream that needs no renumbering through byte for byte, however it is cut', async () => {
    const stream = [line({ choices: [{ index: 0, delta: { content: 'héllo' } }] }), line(call(0, { id: 'a' })), ': keep-alive\r\n\r\n', 'data: [DONE]\n\n'].join('')
    const cuts = [stream.slice(0, 7), stream.slice(7, 40), stream.slice(40)]
    expect(await through(cuts)).toBe(stream)
    // Split inside a multi-byte character too.
    const bytes = Buffer.from(stream)
    const at = bytes.indexOf(Buffer.from('é')) + 1
    const out: Buffer[] = []
    for await (const chunk of Readable.from([bytes.subarray(0, at), bytes.subarray(at)]).pipe(new ToolCallIndexStream())) out.push(chunk as Buffer)
    expect(Buffer.concat(out).toString('utf8')).toBe(stream)
  })

  it('rewrites only the tool-call lines whose index changes, keeping CRLF framing', async () => {
    const input = [line(call(1, { id: 'a' })).replace(/\n/g, '\r\n'), line({ choices: [{ index: 0, delta: { content: 'x' } }] }), line(call(1))].join('')
    const output = await through([input])
    expect(output).toBe([line(call(0, { id: 'a' })).replace(/\n/g, '\r\n'), line({ choices: [{ index: 0, delta: { content: 'x' } }] }), line(call(0))].join(''))
  })

  it('a final line without a newline still comes out', async () => {
    expect(await through(['data: [DONE]'])).toBe('data: [DONE]')
  })
})
