import { describe, expect, it } from 'vitest'
import { providerFormats } from '../formats/registry.js'
import { endsWithTerminal, lastFrame, StreamTail } from './stream-terminal.js'

const frame = (n: number) => Buffer.from(`data: {"id":"chatcmpl-9","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":" token${n}"},"finish_reason":null}]}\n\n`)

describe('StreamTail', () => {
  it('keeps every chunk while the stream is short', () => {
    const tail = new StreamTail()
    for (let i = 0; i < 3; i++) tail.push(frame(i))
    expect(tail.chunks).toHaveLength(3)
    expect(tail.count).toBe(3)
  })

  it('keeps only the last 4 KiB or so of a long stream, which is all the end checks read', () => {
    const tail = new StreamTail()
    const all: Buffer[] = []
    for (let i = 0; i < 500; i++) {
      all.push(frame(i))
      tail.push(all.at(-1)!)
    }
    all.push(Buffer.from('data: [DONE]\n\n'))
    tail.push(all.at(-1)!)
    expect(tail.count).toBe(501)
    const kept = tail.chunks.reduce((n, c) => n + c.length, 0)
    expect(kept).toBeGreaterThanOrEqual(4096)
    expect(kept - tail.chunks[0].length).toBeLessThan(4096)
    expect(lastFrame(tail.chunks)).toBe(lastFrame(all))
    expect(endsWithTerminal(providerFormats.openai, tail.chunks)).toBe(true)
  })

  it('keeps a single chunk larger than the tail whole', () => {
    const tail = new StreamTail()
    tail.push(frame(1))
    tail.push(Buffer.alloc(10_000, 'a'))
    expect(tail.chunks).toHaveLength(1)
  })
})
