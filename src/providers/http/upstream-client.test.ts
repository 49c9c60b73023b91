import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { BodySink } from '../types.js'
import { createUpstreamClient } from './upstream-client.js'

const TIMEOUTS = { connectMs: 2000, firstByteMs: 2000, idleMs: 2000 }
const tick = () => new Promise((resolve) => setImmediate(resolve))

let server: Server | undefined
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())))

/** A server whose handler gets each response; resolves with its URL. */
async function serve(handle: (res: ServerResponse, closed: Promise<void>) => void): Promise<string> {
  server = createServer((req, res) => {
    const closed = new Promise<void>((resolve) => res.once('close', () => resolve()))
    req.resume()
    res.writeHead(200, { 'content-type': 'text/event-stream' })
    res.flushHeaders()
    handle(res, closed)
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
}

/** A sink recording the chunks; `done` says how the body ended. */
function recorder(more = () => true) {
  const got: string[] = []
  let finish: (how: string) => void = () => {}
  const done = new Promise<string>((resolve) => (finish = resolve))
  const sink: BodySink = {
    chunk: (chunk) => (got.push(chunk.toString()), more()),
    end: () => finish('end'),
    error: (error) => finish(`error: ${error.message}`),
  }
  return { sink, got, done }
}

describe('upstream client consume()', () => {
  it('hands over what arrived before the sink, then the rest as it comes, then the end, never inside consume()', async () => {
    let rest: (() => void) | undefined
    const url = await serve((res) => {
      res.write('a')
      rest = () => res.end('b')
    })
    const client = createUpstreamClient('up', TIMEOUTS)
    const response = await client.send({ url, headers: {}, body: '', signal: new AbortController().signal })
    await new Promise((resolve) => setTimeout(resolve, 50)) // 'a' arrives before anyone reads
    const r = recorder()
    response.consume!(r.sink)
    expect(r.got).toEqual([])
    await tick()
    expect(r.got).toEqual(['a'])
    rest!()
    expect(await r.done).toBe('end')
    expect(r.got.join('')).toBe('ab')
    await client.close()
  })

  it('stops the upstream request at once when the consumer aborts, and calls the sink no more', async () => {
    let upstreamClosed: Promise<void> | undefined
    const url = await serve((res, closed) => {
      res.write('a')
      upstreamClosed = closed
    })
    const client = createUpstreamClient('up', TIMEOUTS)
    const response = await client.send({ url, headers: {}, body: '', signal: new AbortController().signal })
    const calls: string[] = []
    const feed = response.consume!({ chunk: () => (calls.push('chunk'), true), end: () => calls.push('end'), error: () => calls.push('error') })
    while (calls.length === 0) await tick()
    feed.abort()
    await upstreamClosed
    await tick()
    expect(calls).toEqual(['chunk'])
    await client.close()
  })

  it('reports a connection that breaks mid-body as an error', async () => {
    const url = await serve((res) => {
      res.write('a')
      setTimeout(() => res.socket?.destroy(), 20)
    })
    const client = createUpstreamClient('up', TIMEOUTS)
    const response = await client.send({ url, headers: {}, body: '', signal: new AbortController().signal })
    const r = recorder()
    response.consume!(r.sink)
    expect(await r.done).toMatch(/^error: /)
    expect(r.got).toEqual(['a'])
    await client.close()
  })

  it('pauses the upstream while the sink asks to, and goes on after resume()', async () => {
    const url = await serve((res) => {
      let n = 0
      const next = () => (n < 5 ? res.write(`${n++}`, () => setTimeout(next, 5)) : res.end())
      next()
    })
    const client = createUpstreamClient('up', TIMEOUTS)
    const response = await client.send({ url, headers: {}, body: '', signal: new AbortController().signal })
    const r = recorder(() => false)
    const feed = response.consume!(r.sink)
    while (r.got.length === 0) await tick()
    await new Promise((resolve) => setTimeout(resolve, 60))
    const whilePaused = r.got.length
    expect(whilePaused).toBeLessThan(5)
    const resume = setInterval(() => feed.resume(), 2)
    expect(await r.done).toBe('end')
    clearInterval(resume)
    expect(r.got.join('')).toBe('01234')
    await client.close()
  })

  it('body is a stream over the same feed', async () => {
    const url = await serve((res) => res.end('whole'))
    const client = createUpstreamClient('up', TIMEOUTS)
    const response = await client.send({ url, headers: {}, body: '', signal: new AbortController().signal })
    const chunks: Buffer[] = []
    for await (const chunk of response.body) chunks.push(chunk as Buffer)
    expect(Buffer.concat(chunks).toString()).toBe('whole')
    await client.close()
  })
})
