/**
 * Failures as the Anthropic SDK sees them. Upstream errors keep their status,
 * type and body (request_id included); an error after the stream started
 * arrives as `event: error` and the SDK raises it; the gateway's own failures
 * on /v1/messages use Anthropic's envelope and status.
 */
import Anthropic, { type APIError } from '@anthropic-ai/sdk'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { anthropic } from '../support/fake-upstream.js'
import { startGateway, type TestGateway } from '../support/start-gateway.js'
import { type Harness, startHarness, UPSTREAM_MODEL } from './harness.js'

let h: Harness

beforeAll(async () => {
  h = await startHarness()
})
afterEach(() => h.reset())
afterAll(() => h.close())

const hello = { max_tokens: 64, messages: [{ role: 'user' as const, content: 'Hello!' }] }

async function failure(promise: Promise<unknown>): Promise<APIError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(Anthropic.APIError)
  return error as APIError
}

describe('upstream errors keep their status, type and body', () => {
  it.each([
    [400, 'invalid_request_error', Anthropic.BadRequestError],
    [401, 'authentication_error', Anthropic.AuthenticationError],
    [403, 'permission_error', Anthropic.PermissionDeniedError],
    [404, 'not_found_error', Anthropic.NotFoundError],
    [413, 'request_too_large', Anthropic.ContentTooLargeError],
    [429, 'rate_limit_error', Anthropic.RateLimitError],
    [500, 'api_error', Anthropic.InternalServerError],
    [529, 'overloaded_error', Anthropic.OverloadedError],
  ])('%i %s', async (status, type, errorClass) => {
    const reply = anthropic.error(status, undefined, undefined, status === 429 ? { retryAfter: 7 } : {})
    h.fake.enqueueAll([reply, reply])
    const viaGateway = await failure(h.client().messages.create({ ...hello, model: 'sonnet' }))
    const directly = await failure(h.direct().messages.create({ ...hello, model: UPSTREAM_MODEL }))
    expect(viaGateway).toBeInstanceOf(errorClass)
    expect(viaGateway.status).toBe(status)
    expect(viaGateway.type).toBe(type)
    expect(viaGateway.error).toEqual(directly.error)
    expect(viaGateway.error).toMatchObject({ type: 'error', error: { type }, request_id: expect.stringMatching(/^req_/) })
    expect(viaGateway.requestID).toBe(directly.requestID)
    if (status === 429) expect(viaGateway.headers?.get('retry-after')).toBe('7')
    // The SDK decides whether to retry from this header.
    expect(viaGateway.headers?.get('x-should-retry')).toBe(directly.headers?.get('x-should-retry') ?? null)
    // One upstream call per SDK call: retries are the client's business here.
    expect(h.fake.requests).toHaveLength(2)
  })

  it('a non-JSON upstream failure (a proxy HTML page) becomes an Anthropic api_error envelope', async () => {
    h.fake.enqueue({ raw: '<html><head><title>502 Bad Gateway</title></head><body>cloudflare</body></html>', contentType: 'text/html', status: 502 })
    const error = await failure(h.client().messages.create({ ...hello, model: 'sonnet' }))
    expect(error).toBeInstanceOf(Anthropic.InternalServerError)
    expect(error.status).toBe(502)
    expect(error.error).toEqual({ type: 'error', error: { type: 'api_error', message: 'Anthropic returned HTTP 502 with an HTML page: 502 Bad Gateway' } })
  })

  it('an upstream validation error comes back with the upstream wording', async () => {
    const viaGateway = await failure(h.client().messages.create({ ...hello, model: 'sonnet', messages: [{ role: 'assistant', content: 'I start' }] }))
    expect(viaGateway.status).toBe(400)
    expect(viaGateway.error).toMatchObject({ error: { type: 'invalid_request_error', message: 'messages: first message must use the "user" role' } })
  })
})

describe('errors after the stream started', () => {
  it('an `event: error` from upstream is relayed and the SDK raises it, as it does directly', async () => {
    const reply = anthropic.streamError(4, 'overloaded_error')
    h.fake.enqueueAll([reply, reply])
    const texts: string[] = []
    const stream = h.client().messages.stream({ ...hello, model: 'sonnet' })
    stream.on('text', (t) => texts.push(t))
    const viaGateway = await failure(stream.finalMessage())
    const directly = await failure(h.direct().messages.stream({ ...hello, model: UPSTREAM_MODEL }).finalMessage())
    expect(viaGateway.error).toEqual({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } })
    expect(viaGateway.error).toEqual(directly.error)
    expect(viaGateway.message).toBe(directly.message)
    expect(viaGateway.type).toBe('overloaded_error')
    expect(texts.length).toBeGreaterThan(0)
  })

  it('a connection cut mid-stream becomes an `event: error` in Anthropic shape', async () => {
    // The upstream dies after the first text delta: no content_block_stop, no message_stop.
    const cut = {
      sse: [
        'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_01Cut","type":"message","role":"assistant","model":"claude-3-5-sonnet-20241022","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":5,"output_tokens":1}}}\n\n',
        'event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}\n\n',
        'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Once upon"}}\n\n',
      ],
      ending: 'reset' as const,
    }
    h.fake.enqueue(cut)
    const response = await fetch(`${h.gw.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...hello, model: 'sonnet', stream: true }),
    })
    expect(response.status).toBe(200)
    const text = await response.text()
    expect(text.startsWith(cut.sse.join(''))).toBe(true)
    const last = text.trim().split('\n\n').at(-1)!
    expect(last.split('\n')[0]).toBe('event: error')
    expect(JSON.parse(last.split('\n')[1].slice('data: '.length))).toMatchObject({ type: 'error', error: { type: 'api_error', message: expect.any(String) } })

    h.fake.enqueue(cut)
    const texts: string[] = []
    const stream = h.client().messages.stream({ ...hello, model: 'sonnet' })
    stream.on('text', (t) => texts.push(t))
    const error = await failure(stream.finalMessage())
    expect(error.error).toMatchObject({ type: 'error', error: { type: 'api_error' } })
    expect(texts).toEqual(['Once upon'])

    // The same stream closed cleanly but without message_stop is still cut short.
    h.fake.enqueue({ sse: cut.sse })
    const cleanClose = await failure(h.client().messages.stream({ ...hello, model: 'sonnet' }).finalMessage())
    expect(cleanClose.error).toMatchObject({ type: 'error', error: { type: 'api_error' } })
  })
})

describe("the gateway's own failures on /v1/messages", () => {
  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${h.gw.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01', ...headers }, body })

  it('max_tokens missing is a 400 worded like Anthropic, and nothing goes upstream', async () => {
    const body = { model: 'sonnet', messages: hello.messages }
    const viaGateway = await failure(h.client().messages.create(body as unknown as Anthropic.MessageCreateParamsNonStreaming))
    const directly = await failure(h.direct().messages.create({ ...body, model: UPSTREAM_MODEL } as unknown as Anthropic.MessageCreateParamsNonStreaming))
    expect(viaGateway).toBeInstanceOf(Anthropic.BadRequestError)
    expect(viaGateway.error).toMatchObject({ type: 'error', error: { type: 'invalid_request_error', message: 'max_tokens: Field required' } })
    expect((viaGateway.error as { error: unknown }).error).toEqual((directly.error as { error: unknown }).error)
    expect(h.fake.requests).toHaveLength(1) // the direct call only
  })

  it.each([
    ['not JSON', '{"model": "sonnet",', 400, 'invalid_request_error'],
    ['empty messages', JSON.stringify({ model: 'sonnet', max_tokens: 5, messages: [] }), 400, 'invalid_request_error'],
    ['a bad role', JSON.stringify({ model: 'sonnet', max_tokens: 5, messages: [{ role: 'system', content: 'x' }] }), 400, 'invalid_request_error'],
    ['max_tokens not an integer', JSON.stringify({ model: 'sonnet', max_tokens: 'many', messages: hello.messages }), 400, 'invalid_request_error'],
    ['no model', JSON.stringify({ max_tokens: 5, messages: hello.messages }), 400, 'invalid_request_error'],
    ['an unknown model', JSON.stringify({ model: 'claude-nonexistent-9', max_tokens: 5, messages: hello.messages }), 404, 'not_found_error'],
  ])('%s: %i %s', async (_name, body, status, type) => {
    const response = await post('/v1/messages', body)
    expect(response.status).toBe(status)
    expect(await response.json()).toEqual({ type: 'error', error: { type, message: expect.any(String) } })
    expect(h.fake.requests.filter((r) => r.route === 'anthropic.messages')).toHaveLength(0)
  })

  it('an unknown model through the SDK is a NotFoundError', async () => {
    const error = await failure(h.client('root').messages.create({ ...hello, model: 'claude-nonexistent-9' }))
    expect(error).toBeInstanceOf(Anthropic.NotFoundError)
    expect(error.error).toMatchObject({ type: 'error', error: { type: 'not_found_error', message: expect.stringContaining('claude-nonexistent-9') } })
  })

  it.each([
    ['POST', '/v1/messages/batches', 404, 'not_found_error'],
    ['POST', '/v1/v1/messages/nonsense', 404, 'not_found_error'],
    ['GET', '/v1/messages', 405, 'invalid_request_error'],
  ])('%s %s: %i %s in the Anthropic envelope', async (method, path, status, type) => {
    const response = await fetch(`${h.gw.url}${path}`, { method, headers: { 'anthropic-version': '2023-06-01' }, ...(method === 'POST' ? { body: '{}' } : {}) })
    expect(response.status).toBe(status)
    expect(await response.json()).toEqual({ type: 'error', error: { type, message: expect.any(String) } })
  })
})

describe('gateway auth and body limit', () => {
  let secured: TestGateway

  beforeAll(async () => {
    secured = await startGateway({
      server: { apiKeys: ['gw-key-1'], bodyLimit: 4096 },
      providers: { anthropic: { type: 'anthropic', baseURL: h.fake.baseURL('anthropic'), apiKey: 'sk-ant-upstream-secret' } },
      routing: { retries: 0 },
    })
  })
  afterAll(() => secured.close())

  const sdk = (apiKey: string | null, extra: Partial<ConstructorParameters<typeof Anthropic>[0]> = {}) =>
    new Anthropic({ baseURL: `${secured.url}/v1`, apiKey, maxRetries: 0, ...extra })

  it('a missing or wrong gateway key is a 401 authentication_error', async () => {
    for (const client of [sdk('wrong-key'), sdk(null, { defaultHeaders: { 'x-api-key': 'also-wrong' } })]) {
      const error = await failure(client.messages.create({ ...hello, model: UPSTREAM_MODEL }))
      expect(error).toBeInstanceOf(Anthropic.AuthenticationError)
      expect(error.error).toMatchObject({ type: 'error', error: { type: 'authentication_error' } })
    }
    expect(h.fake.requests).toHaveLength(0)
  })

  it('the gateway key works as the SDK sends it (Bearer) and as x-api-key', async () => {
    const bearer = await sdk('gw-key-1').messages.create({ ...hello, model: UPSTREAM_MODEL })
    const header = await sdk(null, { defaultHeaders: { 'x-api-key': 'gw-key-1' } }).messages.create({ ...hello, model: UPSTREAM_MODEL })
    expect(bearer).toEqual(header)
    // The client's credential never goes upstream: the provider's key does.
    expect(h.fake.requests.map((r) => [r.headers['x-api-key'], r.headers.authorization])).toEqual([
      ['sk-ant-upstream-secret', undefined],
      ['sk-ant-upstream-secret', undefined],
    ])
  })

  it('a body over server.bodyLimit is a 413 request_too_large', async () => {
    const error = await failure(sdk('gw-key-1').messages.create({ ...hello, model: UPSTREAM_MODEL, messages: [{ role: 'user', content: 'x'.repeat(5000) }] }))
    expect(error).toBeInstanceOf(Anthropic.ContentTooLargeError)
    expect(error.type).toBe('request_too_large')
    expect(error.error).toMatchObject({ type: 'error', error: { type: 'request_too_large', message: expect.stringContaining('4096') } })
    expect(h.fake.requests).toHaveLength(0)
  })
})
