import { createServer, type IncomingMessage, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { fixtureText } from '../../test/fixtures/openai-chat/load.js'
import type { Gateway } from '../gateway/create-gateway.js'
import type { GatewayResponse, InboundRequest } from '../gateway/types.js'
import { createFastLane } from './fast-lane.js'

const requestBody = fixtureText('request/basic.json')
const responseBody = fixtureText('response/openai-text.json')

/** A gateway stub: records what it was handed and answers with `answer`. */
function stubGateway(answer: (inbound: InboundRequest) => GatewayResponse, apiKeys: string[] = []) {
  const seen: InboundRequest[] = []
  const gateway = {
    config: { server: { apiKeys, bodyLimit: 64 * 1024 } },
    handle: async (inbound: InboundRequest) => {
      seen.push(inbound)
      return answer(inbound)
    },
  } as unknown as Gateway
  return { gateway, seen }
}

let server: Server | undefined
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())))

async function serve(gateway: Gateway): Promise<number> {
  server = createServer(
    createFastLane(gateway, (_req, res) => {
      res.writeHead(418, { 'content-type': 'text/plain' })
      res.end('h3')
    }),
  )
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

interface Reply {
  status: number
  statusMessage: string
  rawHeaders: string[]
  body: string
}

function send(port: number, method: string, path: string, headers: Record<string, string | string[]> = {}, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { 'content-type': 'application/json', ...headers } }, (res: IncomingMessage) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode!, statusMessage: res.statusMessage!, rawHeaders: res.rawHeaders, body: text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

const names = (reply: Reply) => reply.rawHeaders.filter((_, i) => i % 2 === 0).filter((n) => !['date', 'connection', 'keep-alive'].includes(n.toLowerCase()))

describe('fast lane', () => {
  it.each([
    ['/v1/chat/completions', 'openai', 'chat', '/v1/chat/completions'],
    ['/v1/v1/chat/completions?trace=1', 'openai', 'chat', '/v1/chat/completions'],
    ['/v1/messages', 'anthropic', 'chat', '/v1/messages'],
    ['/v1/v1/messages/count_tokens', 'anthropic', 'count_tokens', '/v1/messages/count_tokens'],
  ])('hands POST %s to the gateway as %s %s', async (path, format, operation, endpoint) => {
    const { gateway, seen } = stubGateway(() => ({ status: 200, headers: { 'content-type': 'application/json' }, body: responseBody }))
    const port = await serve(gateway)
    const reply = await send(port, 'POST', path, { 'user-agent': 'OpenAI/JS 6.49.0' }, requestBody)
    expect(reply.status).toBe(200)
    expect(seen).toHaveLength(1)
    expect(seen[0]).toMatchObject({ format, operation, endpoint, rawBody: requestBody, body: JSON.parse(requestBody), origin: 'server' })
    expect(seen[0].headers['user-agent']).toBe('OpenAI/JS 6.49.0')
    expect(seen[0].signal.aborted).toBe(false)
  })

  it.each([
    ['GET', '/v1/chat/completions'],
    ['POST', '/v1/chat/completions/'],
    ['POST', '/v1/models'],
    ['POST', '/v2/chat/completions'],
    ['GET', '/health'],
  ])('passes %s %s on to h3', async (method, path) => {
    const { gateway, seen } = stubGateway(() => ({ status: 200, headers: {}, body: '' }))
    const port = await serve(gateway)
    const reply = await send(port, method, path, {}, method === 'POST' ? requestBody : undefined)
    expect([reply.status, reply.body]).toEqual([418, 'h3'])
    expect(seen).toHaveLength(0)
  })

  it.each([
    ['no key', {}, 418],
    ['a wrong key', { authorization: 'Bearer sk-wrong' }, 418],
    ['the key as a bearer token', { authorization: 'Bearer gw-key' }, 200],
    ['the key as x-api-key', { 'x-api-key': 'gw-key' }, 200],
    // Node keeps the first of repeated Authorization headers, h3 joins them: h3 decides.
    ['a repeated Authorization header', { authorization: ['Bearer gw-key', 'Bearer other'] }, 418],
  ])('with gateway keys, a request with %s is served here only when the key checks out', async (_name, headers, status) => {
    const { gateway } = stubGateway(() => ({ status: 200, headers: { 'content-type': 'application/json' }, body: responseBody }), ['gw-key'])
    const port = await serve(gateway)
    expect((await send(port, 'POST', '/v1/chat/completions', headers, requestBody)).status).toBe(status)
  })

  it('sends a whole body as h3 did: empty reason phrase, headers sorted, content-length last', async () => {
    const { gateway } = stubGateway(() => ({
      status: 200,
      headers: { 'x-request-id': 'req_123', 'content-type': 'application/json', 'x-llm-gateway-id': 'gw_1' },
      body: responseBody,
    }))
    const port = await serve(gateway)
    const reply = await send(port, 'POST', '/v1/chat/completions', {}, requestBody)
    expect(reply.statusMessage).toBe('')
    expect(names(reply)).toEqual(['content-type', 'x-llm-gateway-id', 'x-request-id', 'content-length'])
    expect(reply.rawHeaders[reply.rawHeaders.indexOf('content-length') + 1]).toBe(String(Buffer.byteLength(responseBody)))
    expect(reply.body).toBe(responseBody)
  })

  it('streams chunks through, chunked, and passes a body that could not be read to the gateway as its error', async () => {
    const frames = fixtureText('stream/refusal.sse').split('\n\n').filter(Boolean).map((frame) => `${frame}\n\n`)
    const { gateway, seen } = stubGateway(() => ({ status: 200, headers: { 'content-type': 'text/event-stream; charset=utf-8' }, body: Readable.from(frames) }))
    const port = await serve(gateway)
    const reply = await send(port, 'POST', '/v1/chat/completions', {}, '{"model": ')
    expect(seen[0].bodyError?.code).toBe('invalid_json')
    expect(names(reply)).toEqual(['content-type', 'Transfer-Encoding'])
    expect(reply.body).toBe(frames.join(''))
  })

  it('answers a stream that fails before its first chunk with a bare 500', async () => {
    const failing = new Readable({ read() {} })
    const { gateway } = stubGateway(() => {
      setImmediate(() => failing.destroy(new Error('broken')))
      return { status: 200, headers: { 'content-type': 'text/event-stream; charset=utf-8' }, body: failing }
    })
    const port = await serve(gateway)
    const reply = await send(port, 'POST', '/v1/chat/completions', {}, requestBody)
    expect([reply.status, reply.statusMessage, reply.body]).toEqual([500, 'Internal Server Error', ''])
  })

  it('aborts the signal and destroys the stream when the client goes away mid-stream', async () => {
    const stream = new Readable({ read() {} })
    const { gateway, seen } = stubGateway(() => ({ status: 200, headers: { 'content-type': 'text/event-stream; charset=utf-8' }, body: stream }))
    const port = await serve(gateway)
    const closed = new Promise<void>((resolve) => stream.once('close', resolve))
    await new Promise<void>((resolve) => {
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/v1/chat/completions' }, (res) => {
        res.once('data', () => {
          req.destroy()
          resolve()
        })
      })
      req.end(requestBody)
      setImmediate(() => stream.push('data: {"choices":[]}\n\n'))
    })
    await closed
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(seen[0].signal.aborted).toBe(true)
    expect(stream.destroyed).toBe(true)
  })
})
