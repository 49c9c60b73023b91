import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { clientFormats, providerFormats } from '../formats/registry.js'
import { errors as undiciErrors } from 'undici'
import type { UpstreamResponse } from '../providers/types.js'
import type { Target } from '../routing/types.js'
import type { AttemptContext } from './attempt.js'
import { type RelayOutcome, relayStream } from './relay-stream.js'
import { StreamAssembler } from './stream-assembler.js'

const FRAMES = [
  'data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}\n\n',
  'data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}]}\n\n',
  'data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\n',
]
const DONE = 'data: [DONE]\n\n'

function setup() {
  const body = new PassThrough()
  const upstream: UpstreamResponse = { status: 200, headers: { 'content-type': 'text/event-stream' }, body }
  let firstBytes = 0
  const context = { client: clientFormats.openai, trace: { firstByte: () => firstBytes++ } } as unknown as AttemptContext
  const target = { provider: { name: 'up', format: 'openai', config: { timeouts: { connectMs: 1, firstByteMs: 1, idleMs: 1 } } }, model: 'm' } as unknown as Target
  const seen: string[] = []
  const settled: RelayOutcome[] = []
  const assembler = new StreamAssembler(providerFormats.openai)
  const out = relayStream(context, target, providerFormats.openai, upstream, {
    onChunk: (chunk) => {
      seen.push(chunk.toString())
      assembler.push(chunk)
    },
    decodedError: () => assembler.endError(),
    onSettled: (outcome) => settled.push(outcome),
  })
  const received: string[] = []
  out.on('data', (chunk: Buffer) => received.push(chunk.toString()))
  const ended = new Promise<void>((resolve) => out.once('close', () => resolve()))
  return { body, out, seen, settled, received, ended, firstBytes: () => firstBytes }
}

describe('relayStream', () => {
  it('relays every upstream chunk as it comes, in order, and settles once as completed', async () => {
    const r = setup()
    for (const frame of [...FRAMES, DONE]) r.body.write(frame)
    r.body.end()
    await r.ended
    expect(r.received).toEqual([...FRAMES, DONE])
    expect(r.seen).toEqual([...FRAMES, DONE])
    expect(r.firstBytes()).toBe(4)
    expect(r.settled).toHaveLength(1)
    expect(r.settled[0]).toMatchObject({ completed: true, failure: undefined })
  })

  it('takes a stream that ends with a finish_reason but no [DONE] (some OpenAI-compatible servers) as complete', async () => {
    const r = setup()
    for (const frame of FRAMES) r.body.write(frame)
    r.body.end()
    await r.ended
    expect(r.received).toEqual(FRAMES)
    expect(r.settled[0]).toMatchObject({ completed: true, failure: undefined })
  })

  it('finds an error the stream carried before its tail, however long the stream', async () => {
    const r = setup()
    r.body.write('data: {"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}}\n\n')
    // Far more than the tail the relay keeps, none of it final.
    for (let i = 0; i < 100; i++) r.body.write(FRAMES[1])
    r.body.end()
    await r.ended
    expect(r.received.at(-1)).toMatch(/^data: \{"error":/)
    expect(r.settled[0].failure?.code).toBe('incomplete_stream')
    expect(r.settled[0].failure?.message).toContain('Rate limit reached')
  })

  it('appends an error event when the upstream stops short of its final frame', async () => {
    const r = setup()
    r.body.write(FRAMES[0])
    r.body.write(FRAMES[1])
    r.body.end()
    await r.ended
    expect(r.received.slice(0, 2)).toEqual(FRAMES.slice(0, 2))
    expect(r.received).toHaveLength(3)
    expect(r.received[2]).toMatch(/^data: \{"error":/)
    expect(r.settled[0].completed).toBe(true)
    expect(r.settled[0].failure?.code).toBe('incomplete_stream')
  })

  it('ends cleanly when the connection fails after the final frame', async () => {
    const r = setup()
    for (const frame of [...FRAMES, DONE]) r.body.write(frame)
    await new Promise((resolve) => setImmediate(resolve))
    r.body.destroy(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
    await r.ended
    expect(r.received).toEqual([...FRAMES, DONE])
    expect(r.settled[0]).toMatchObject({ completed: true, failure: undefined })
  })

  it('tells the client about a connection failure mid-stream', async () => {
    const r = setup()
    r.body.write(FRAMES[0])
    await new Promise((resolve) => setImmediate(resolve))
    r.body.destroy(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
    await r.ended
    expect(r.received).toHaveLength(2)
    expect(r.received[1]).toMatch(/^data: \{"error":/)
    expect(r.settled[0].completed).toBe(false)
    expect(r.settled[0].failure?.kind).toBe('bad_gateway')
  })

  it('sends nothing more when the upstream was aborted on our side', async () => {
    const r = setup()
    r.body.write(FRAMES[0])
    await new Promise((resolve) => setImmediate(resolve))
    r.body.destroy(new undiciErrors.RequestAbortedError())
    await r.ended
    expect(r.received).toEqual([FRAMES[0]])
    expect(r.settled[0]).toMatchObject({ completed: false })
    expect(r.settled[0].failure?.kind).toBe('cancelled')
  })

  it('stops the upstream when the client goes away', async () => {
    const r = setup()
    r.body.write(FRAMES[0])
    await new Promise((resolve) => setImmediate(resolve))
    r.out.destroy()
    await r.ended
    expect(r.body.destroyed).toBe(true)
    expect(r.settled).toHaveLength(1)
    expect(r.settled[0]).toMatchObject({ completed: false, failure: undefined })
  })

  it('pauses the upstream while the client is not reading', async () => {
    const body = new PassThrough()
    const context = { client: clientFormats.openai, trace: { firstByte() {} } } as unknown as AttemptContext
    const target = { provider: { name: 'up', format: 'openai', config: { timeouts: {} } }, model: 'm' } as unknown as Target
    const out = relayStream(context, target, providerFormats.openai, { status: 200, headers: {}, body }, { onChunk() {}, decodedError: () => undefined, onSettled() {} })
    body.write(Buffer.alloc(64 * 1024, 'a'))
    await new Promise((resolve) => setImmediate(resolve))
    expect(body.isPaused()).toBe(true)
    out.resume()
    await new Promise((resolve) => setImmediate(resolve))
    expect(body.isPaused()).toBe(false)
    out.destroy()
  })
})
