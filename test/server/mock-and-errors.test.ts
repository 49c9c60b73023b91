/**
 * The gateway's own behaviour with no upstream at all: the mock provider through
 * the official OpenAI SDK, bad input, unknown models, auth, routes.
 */
import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startGateway, type TestGateway } from '../support/start-gateway.js'

let gw: TestGateway
let client: OpenAI

beforeAll(async () => {
  gw = await startGateway({ providers: { mock: { type: 'mock' } }, models: { echo: 'mock/echo' } })
  client = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: 'unused', maxRetries: 0 })
})
afterAll(() => gw.close())

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${gw.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })

describe('mock provider through the OpenAI SDK', () => {
  it('echoes the last user message', async () => {
    const completion = await client.chat.completions.create({
      model: 'mock/echo',
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: 'hello gateway' },
      ],
    })
    expect(completion.object).toBe('chat.completion')
    expect(completion.choices[0].message.content).toBe('hello gateway')
    expect(completion.choices[0].finish_reason).toBe('stop')
    expect(completion.usage?.prompt_tokens).toBeGreaterThan(0)
  })

  it('streams, with usage when asked, and the SDK assembles it', async () => {
    const stream = client.chat.completions.stream({
      model: 'echo',
      messages: [{ role: 'user', content: 'one two three four' }],
      stream_options: { include_usage: true },
    })
    const deltas: string[] = []
    stream.on('content', (delta) => deltas.push(delta))
    const final = await stream.finalChatCompletion()
    expect(deltas.length).toBeGreaterThan(1)
    expect(deltas.join('')).toBe('one two three four')
    expect(final.choices[0].message.content).toBe('one two three four')
    expect(final.usage?.completion_tokens).toBeGreaterThan(0)
  })

  it('lists routable models, aliases included', async () => {
    const ids = []
    for await (const model of client.models.list()) ids.push(model.id)
    expect(ids).toEqual(expect.arrayContaining(['echo', 'mock/echo']))
  })

  it('answers curl-style requests without a content-type', async () => {
    const response = await fetch(`${gw.url}/v1/chat/completions`, {
      method: 'POST',
      body: '{"model":"mock/echo","messages":[{"role":"user","content":"hi"}]}',
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('x-llm-gateway-id')).toMatch(/^gw_/)
    expect(response.headers.get('x-llm-gateway-provider')).toBe('mock')
    expect(((await response.json()) as any).choices[0].message.content).toBe('hi')
  })

  it('serves the doubled /v1/v1 prefix', async () => {
    const response = await post('/v1/v1/chat/completions', '{"model":"mock/echo","messages":[{"role":"user","content":"x"}]}')
    expect(response.status).toBe(200)
  })
})

describe('bad input gets a 4xx in the OpenAI envelope, never a 500', () => {
  const cases: Array<[string, string, number, RegExp, string | null]> = [
    ['invalid JSON', '{"model": "mock/echo", ', 400, /not valid JSON/, null],
    ['an empty body', '', 400, /empty/, null],
    ['no model', '{"messages":[{"role":"user","content":"hi"}]}', 400, /model/, 'model'],
    ['no messages', '{"model":"mock/echo"}', 400, /messages/, 'messages'],
    ['empty messages', '{"model":"mock/echo","messages":[]}', 400, /messages/, 'messages'],
    ['an unknown model', '{"model":"nope/gpt-9","messages":[{"role":"user","content":"hi"}]}', 404, /llm-gateway models/, 'model'],
  ]
  it.each(cases)('%s', async (_, body, status, message, param) => {
    const response = await post('/v1/chat/completions', body)
    expect(response.status).toBe(status)
    const json = (await response.json()) as any
    expect(json.error.message).toMatch(message)
    expect(typeof json.error.type).toBe('string')
    expect(json.error.param).toBe(param)
    expect(response.headers.get('x-llm-gateway-id')).toMatch(/^gw_/)
  })

  it('surfaces as the SDK error classes', async () => {
    await expect(client.chat.completions.create({ model: 'nope/x', messages: [{ role: 'user', content: 'hi' }] })).rejects.toBeInstanceOf(
      OpenAI.NotFoundError,
    )
  })

  it('unknown routes are JSON 404s, wrong methods 405s', async () => {
    const missing = await fetch(`${gw.url}/v1/embeddings`, { method: 'POST', body: '{}' })
    expect(missing.status).toBe(404)
    expect(((await missing.json()) as any).error.message).toMatch(/No route/)
    const wrong = await fetch(`${gw.url}/v1/chat/completions`)
    expect(wrong.status).toBe(405)
    expect(((await wrong.json()) as any).error.message).toMatch(/GET is not allowed/)
  })

  it('records failed requests in the traffic log too', async () => {
    const before = gw.records.length
    await post('/v1/chat/completions', '{"model":"mock/echo","messages":[]}')
    const records = await gw.waitForRecords(before + 1)
    const record = records.at(-1)!
    expect(record).toMatchObject({ status: 400, format: 'openai', endpoint: '/v1/chat/completions', model: 'mock/echo' })
    expect(record.error?.message).toMatch(/messages/)
  })
})

describe('gateway auth', () => {
  let secured: TestGateway
  beforeAll(async () => {
    secured = await startGateway({ server: { apiKeys: ['gw-key-1', 'gw-key-2'] }, providers: { mock: { type: 'mock' } } })
  })
  afterAll(() => secured.close())

  it('accepts Bearer and x-api-key, rejects anything else with 401', async () => {
    const ok = new OpenAI({ baseURL: `${secured.url}/v1`, apiKey: 'gw-key-2', maxRetries: 0 })
    const completion = await ok.chat.completions.create({ model: 'mock/echo', messages: [{ role: 'user', content: 'hi' }] })
    expect(completion.choices[0].message.content).toBe('hi')

    const viaHeader = await fetch(`${secured.url}/v1/models`, { headers: { 'x-api-key': 'gw-key-1' } })
    expect(viaHeader.status).toBe(200)

    const bad = new OpenAI({ baseURL: `${secured.url}/v1`, apiKey: 'wrong', maxRetries: 0 })
    await expect(bad.chat.completions.create({ model: 'mock/echo', messages: [{ role: 'user', content: 'hi' }] })).rejects.toBeInstanceOf(
      OpenAI.AuthenticationError,
    )
    const none = await fetch(`${secured.url}/v1/models`)
    expect(none.status).toBe(401)
    expect(((await none.json()) as any).error.message).not.toMatch(/gw-key/)
  })

  it('leaves /health open and free of secrets', async () => {
    const response = await fetch(`${secured.url}/health`)
    expect(response.status).toBe(200)
    const text = await response.text()
    expect(JSON.parse(text)).toMatchObject({ status: 'ok', providers: [{ name: 'mock', type: 'mock', ready: true }] })
    expect(text).not.toMatch(/gw-key/)
  })
})
