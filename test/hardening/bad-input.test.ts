/**
 * Bad input from clients: every mistake gets a 4xx in the client's own
 * envelope naming the field at fault (OpenAI `param`, Anthropic's
 * `field.path: reason` wording), nothing reaches the upstream, and the traffic
 * log records it. Checked on the passthrough and the translated path, since
 * they validate differently (a cheap structural check vs a full parse).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Client, ENDPOINT, errorOf, headersFor, type Rig, startRig } from './harness.js'

let rig: Rig
let small: Rig
const SMALL_LIMIT = 2048

beforeAll(async () => {
  ;[rig, small] = await Promise.all([startRig(), startRig({ server: { bodyLimit: SMALL_LIMIT } })])
})
afterAll(() => Promise.all([rig.close(), small.close()]))

const PASSTHROUGH: Record<Client, string> = { openai: 'oa/gpt-4o-mini', anthropic: 'an/claude-sonnet-4-5' }
const TRANSLATED: Record<Client, string> = { openai: 'an/claude-sonnet-4-5', anthropic: 'oa/gpt-4o-mini' }

function send(url: string, client: Client, body: string, extra: RequestInit = {}): Promise<Response> {
  return fetch(`${url}${ENDPOINT[client]}`, { method: 'POST', headers: headersFor(client), body, ...extra })
}

/** A body for `model`, as text (some cases are not JSON at all). */
type Body = (model: string) => string
const json = (build: (model: string) => unknown): Body => (model) => JSON.stringify(build(model))
const user = [{ role: 'user', content: 'hi' }]

/** [case, body, the field at fault (null: the body as a whole), message] */
type Case = [string, Body, string | null, RegExp]

const COMMON: Record<Client, Case[]> = {
  openai: [
    ['invalid JSON', (m) => `{"model": "${m}", "messages": [`, null, /not valid JSON/],
    ['an empty body', () => '', null, /empty/],
    ['a JSON array', () => '[{"role":"user","content":"hi"}]', null, /must be a JSON object.*array/],
    ['a JSON string', () => '"hello"', null, /must be a JSON object/],
    ['null', () => 'null', null, /must be a JSON object/],
    ['no model', json(() => ({ messages: user })), 'model', /model/],
    ['a numeric model', json(() => ({ model: 42, messages: user })), 'model', /model.*string/],
    ['no messages', json((model) => ({ model })), 'messages', /messages/],
    ['messages as a string', json((model) => ({ model, messages: 'hi' })), 'messages', /messages.*array/],
    ['empty messages', json((model) => ({ model, messages: [] })), 'messages', /empty array/],
    ['a message that is a string', json((model) => ({ model, messages: ['hi'] })), 'messages[0]', /object/],
    ['a message without a role', json((model) => ({ model, messages: [{ content: 'hi' }] })), 'messages[0].role', /role/],
    ['an unknown role', json((model) => ({ model, messages: [{ role: 'wizard', content: 'hi' }] })), 'messages[0].role', /wizard/],
    ['stream as a string', json((model) => ({ model, messages: user, stream: 'yes' })), 'stream', /boolean/],
  ],
  anthropic: [
    ['invalid JSON', (m) => `{"model": "${m}", "max_tokens": 5, `, null, /not valid JSON/],
    ['an empty body', () => '', null, /empty/],
    ['a JSON array', () => '[]', null, /JSON object/],
    ['null', () => 'null', null, /JSON object/],
    ['no model', json(() => ({ max_tokens: 5, messages: user })), 'model', /Field required/],
    ['a numeric model', json(() => ({ model: 7, max_tokens: 5, messages: user })), 'model', /string/],
    ['no max_tokens', json((model) => ({ model, messages: user })), 'max_tokens', /Field required/],
    ['max_tokens as a string', json((model) => ({ model, max_tokens: 'many', messages: user })), 'max_tokens', /integer/],
    ['max_tokens of 0', json((model) => ({ model, max_tokens: 0, messages: user })), 'max_tokens', /greater than or equal to 1/],
    ['no messages', json((model) => ({ model, max_tokens: 5 })), 'messages', /Field required/],
    ['messages as an object', json((model) => ({ model, max_tokens: 5, messages: { role: 'user' } })), 'messages', /list/],
    ['empty messages', json((model) => ({ model, max_tokens: 5, messages: [] })), 'messages', /at least one message/],
    ['a system-role message', json((model) => ({ model, max_tokens: 5, messages: [{ role: 'system', content: 'hi' }] })), 'messages.0.role', /'user' or 'assistant'/],
    ['a message without content', json((model) => ({ model, max_tokens: 5, messages: [{ role: 'user' }] })), 'messages.0.content', /Field required/],
    ['numeric content', json((model) => ({ model, max_tokens: 5, messages: [{ role: 'user', content: 42 }] })), 'messages.0.content', /list/],
    ['stream as a string', json((model) => ({ model, max_tokens: 5, messages: user, stream: 'yes' })), 'stream', /boolean/],
  ],
}

/** Fields the passthrough path leaves to the upstream; translation must parse them, so it rejects them itself. */
const TRANSLATED_ONLY: Record<Client, Case[]> = {
  openai: [
    ['a string temperature', json((model) => ({ model, messages: user, temperature: 'hot' })), 'temperature', /number/],
    ['an unknown content part', json((model) => ({ model, messages: [{ role: 'user', content: [{ type: 'video', video: 'x' }] }] })), 'messages[0].content[0].type', /video/],
    ['tools as an object', json((model) => ({ model, messages: user, tools: { name: 'x' } })), 'tools', /array/],
    ['a deeply nested tool schema', (model) => `{"model":"${model}","messages":[{"role":"user","content":"hi"}],"tools":[{"type":"function","function":{"name":"x","parameters":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}}]}`, null, /nested too deeply/],
  ],
  anthropic: [
    ['a string temperature', json((model) => ({ model, max_tokens: 5, messages: user, temperature: 'hot' })), 'temperature', /number/],
    ['an unknown content block', json((model) => ({ model, max_tokens: 5, messages: [{ role: 'user', content: [{ type: 'video' }] }] })), 'messages.0.content.0.type', /video/],
    ['a deeply nested tool schema', (model) => `{"model":"${model}","max_tokens":5,"messages":[{"role":"user","content":"hi"}],"tools":[{"name":"x","input_schema":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}]}`, null, /nested too deeply/],
  ],
}

/** The field an error names: OpenAI's `param`, or the path before the colon in Anthropic's message. */
function fieldOf(client: Client, error: { message: string; param?: string | null }): string | null {
  if (client === 'openai') return error.param ?? null
  return /^([\w.]+): /.exec(error.message)?.[1] ?? null
}

async function expectRejected(client: Client, model: string, [, body, field, message]: Case): Promise<void> {
  const before = rig.fake.requestCount
  const response = await send(rig.gw.url, client, body(model))
  const text = await response.text()
  expect(response.status, text).toBe(400)
  expect(response.headers.get('content-type')).toMatch(/application\/json/)
  const error = errorOf(client, text)
  expect(error.type).toBe('invalid_request_error')
  expect(error.message).toMatch(message)
  expect(fieldOf(client, error)).toBe(field)
  expect(rig.fake.requestCount, 'nothing goes upstream').toBe(before)
  const id = response.headers.get('x-llm-gateway-id')
  const record = (await waitForRecord(rig, id!)) as { status: number; error: { message: string } }
  expect(record.status).toBe(400)
  expect(record.error.message).toMatch(message)
}

async function waitForRecord(on: Rig, id: string): Promise<unknown> {
  for (const deadline = Date.now() + 3000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 10))) {
    const record = on.gw.records.find((r) => r.id === id)
    if (record) return record
  }
  throw new Error(`no log record for ${id}`)
}

for (const client of ['openai', 'anthropic'] as const) {
  describe(`${client} client: a 400 in its envelope naming the field`, () => {
    for (const [path, models] of [['passthrough', PASSTHROUGH], ['translated', TRANSLATED]] as const) {
      it.each(COMMON[client])(`${path}: %s`, (...c) => expectRejected(client, models[client], c as Case))
    }
    it.each(TRANSLATED_ONLY[client])('translated: %s', (...c) => expectRejected(client, TRANSLATED[client], c as Case))

    it('count_tokens validates too', async () => {
      if (client === 'openai') return
      const response = await fetch(`${rig.gw.url}/v1/messages/count_tokens`, {
        method: 'POST',
        headers: headersFor('anthropic'),
        body: JSON.stringify({ model: PASSTHROUGH.anthropic, messages: [] }),
      })
      expect(response.status).toBe(400)
      expect(errorOf('anthropic', await response.text()).message).toMatch(/^messages: /)
    })

    it('an unknown model is a 404 that says how to list models', async () => {
      const response = await send(rig.gw.url, client, json(() => ({ model: 'nope/gpt-9', max_tokens: 5, messages: user }))(''))
      expect(response.status).toBe(404)
      expect(errorOf(client, await response.text()).message).toMatch(/llm-gateway models|\/v1\/models/)
    })

    it('unknown top-level fields: passthrough forwards them untouched, translation drops them, never a 5xx', async () => {
      const extra = { frobnicate: { level: 11 }, metadata_v9: [1, 2] }
      const base = client === 'openai' ? { messages: user } : { max_tokens: 5, messages: user }
      const passthrough = await send(rig.gw.url, client, JSON.stringify({ model: PASSTHROUGH[client], ...base, ...extra }))
      expect(passthrough.status).toBe(200)
      expect(rig.fake.requests.at(-1)?.json).toMatchObject(extra)
      const translated = await send(rig.gw.url, client, JSON.stringify({ model: TRANSLATED[client], ...base, ...extra }))
      expect(translated.status).toBe(200)
      expect(rig.fake.requests.at(-1)?.rawBody).not.toContain('frobnicate')
    })

    it('a prototype-pollution attempt is just an unknown field', async () => {
      const base = client === 'openai' ? '"messages":[{"role":"user","content":"hi"}]' : '"max_tokens":5,"messages":[{"role":"user","content":"hi"}]'
      const response = await send(rig.gw.url, client, `{"__proto__":{"model":"evil","admin":true},"constructor":{"prototype":{"x":1}},"model":"${TRANSLATED[client]}",${base}}`)
      expect(response.status).toBe(200)
      expect(({} as Record<string, unknown>).admin).toBeUndefined()
    })
  })
}

describe('body size limit (server.bodyLimit) -> 413 in the client envelope', () => {
  const oversized = (client: Client) =>
    JSON.stringify({ model: PASSTHROUGH[client], max_tokens: 5, messages: [{ role: 'user', content: 'x'.repeat(SMALL_LIMIT) }] })

  for (const client of ['openai', 'anthropic'] as const) {
    it(`${client}: a declared Content-Length over the limit`, async () => {
      const before = small.fake.requestCount
      const response = await send(small.gw.url, client, oversized(client))
      expect(response.status).toBe(413)
      const error = errorOf(client, await response.text())
      expect(error.message).toMatch(new RegExp(`limit of ${SMALL_LIMIT} bytes \\(server.bodyLimit\\)`))
      expect(small.fake.requestCount).toBe(before)
    })

    it(`${client}: a chunked body (no Content-Length) that grows past the limit`, async () => {
      const piece = new TextEncoder().encode(oversized(client))
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < piece.length; i += 512) controller.enqueue(piece.subarray(i, i + 512))
          controller.close()
        },
      })
      const response = await send(small.gw.url, client, body as unknown as string, { duplex: 'half' } as RequestInit)
      expect(response.status).toBe(413)
      expect(errorOf(client, await response.text()).message).toMatch(/server.bodyLimit/)
    })
  }

  it('a body just under the limit is served, and the server keeps serving after 413s', async () => {
    const response = await send(small.gw.url, 'openai', JSON.stringify({ model: PASSTHROUGH.openai, messages: [{ role: 'user', content: 'x'.repeat(SMALL_LIMIT - 200) }] }))
    expect(response.status).toBe(200)
  })

  it('the default limit is 32 MB, and a 33 MB body is refused before it is read', async () => {
    expect(rig.gw.gateway.config.server.bodyLimit).toBe(32 * 1024 * 1024)
    const big = JSON.stringify({ model: PASSTHROUGH.openai, messages: [{ role: 'user', content: 'x'.repeat(33 * 1024 * 1024) }] })
    const started = Date.now()
    const response = await send(rig.gw.url, 'openai', big)
    expect(response.status).toBe(413)
    expect(errorOf('openai', await response.text()).message).toMatch(/33554432 bytes/)
    expect(Date.now() - started).toBeLessThan(5000)
  })
})

describe('routes: unknown paths are JSON 404s, wrong methods 405s, in the likely envelope', () => {
  const cases: Array<[string, string, number, Client, RegExp]> = [
    ['POST', '/v1/embeddings', 404, 'openai', /No route for POST \/v1\/embeddings/],
    ['POST', '/v1/messages/batches', 404, 'anthropic', /No route/],
    ['GET', '/v2/anything?x=1', 404, 'openai', /No route/],
    ['GET', '/', 404, 'openai', /No route/],
    ['GET', '/v1/chat/completions', 405, 'openai', /GET is not allowed/],
    ['GET', '/v1/messages', 405, 'anthropic', /GET is not allowed/],
    ['PUT', '/v1/models', 405, 'openai', /PUT is not allowed/],
    ['DELETE', '/v1/v1/chat/completions', 405, 'openai', /DELETE is not allowed/],
    ['POST', '/health', 405, 'openai', /POST is not allowed/],
  ]
  it.each(cases)('%s %s -> %i', async (method, path, status, client, message) => {
    const response = await fetch(`${rig.gw.url}${path}`, { method, body: method === 'GET' ? undefined : '{}' })
    expect(response.status).toBe(status)
    expect(response.headers.get('content-type')).toMatch(/application\/json/)
    expect(errorOf(client, await response.text()).message).toMatch(message)
  })
})
