/**
 * What the Anthropic fast path leaves untouched: the body (unknown fields,
 * cache_control everywhere, number and string spelling) except its model, the
 * anthropic-version and anthropic-beta headers, and the upstream's response
 * bytes. The client's own credentials never go upstream.
 */
import Anthropic from '@anthropic-ai/sdk'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { anthropic } from '../support/fake-upstream.js'
import { type Harness, startHarness, UPSTREAM_KEY, UPSTREAM_MODEL, withModel } from './harness.js'

let h: Harness

beforeAll(async () => {
  h = await startHarness()
})
afterEach(() => h.reset())
afterAll(() => h.close())

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })

describe('the request body', () => {
  it('goes upstream byte for byte except the model: unknown fields, spacing, escapes, number spelling', async () => {
    const raw = `{
  "max_tokens" : 1024,
  "temperature": 0.50,
  "messages": [{"role": "user", "content": [
    {"type": "text", "text": "caf\\u00e9 \\"quoted\\" \u{1F600}", "cache_control": {"type": "ephemeral", "ttl": "1h"}, "x_block_extra": [1, 2.0]}
  ]}],
  "model":   "sonnet",
  "x_future_option": {"nested": {"deep": true}, "list": [null]},
  "context_management": {"edits": [{"type": "clear_tool_uses_20250919"}]},
  "cache_control": {"type": "ephemeral"}
}`
    const viaGateway = await post(`${h.gw.url}/v1/messages`, raw, { 'anthropic-version': '2023-06-01' })
    expect(viaGateway.status).toBe(200)
    const upstream = h.fake.requests[0]
    expect(upstream.rawBody).toBe(raw.replace('"sonnet"', `"${UPSTREAM_MODEL}"`))
    const directly = await post(`${h.fake.url}/v1/messages`, upstream.rawBody, { 'anthropic-version': '2023-06-01', 'x-api-key': UPSTREAM_KEY })
    // The non-stream answer is returned exactly as received.
    expect(await viaGateway.text()).toBe(await directly.text())
  })

  it('keeps cache_control on system, tools, messages, tool results and at the top level (SDK)', async () => {
    const params: Anthropic.MessageCreateParamsNonStreaming = {
      model: 'sonnet',
      max_tokens: 1024,
      cache_control: { type: 'ephemeral' },
      system: [{ type: 'text', text: 'Long stable instructions', cache_control: { type: 'ephemeral', ttl: '1h' } }],
      tools: [{ name: 'lookup', description: 'Look something up', input_schema: { type: 'object', properties: {} }, cache_control: { type: 'ephemeral' } }],
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Look up cats', cache_control: { type: 'ephemeral' } }] },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_01A', name: 'lookup', input: { q: 'cats' } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_01A', content: 'Cats purr.', cache_control: { type: 'ephemeral' } }] },
      ],
    }
    const message = await h.client().messages.create(params)
    expect(message.content[0]).toMatchObject({ type: 'text', text: 'You said: Cats purr.' })
    const upstream = h.fake.requests[0]
    expect(upstream.rawBody).toBe(withModel(h.sent[0].body, UPSTREAM_MODEL))
    expect(upstream.json).toEqual({ ...params, model: UPSTREAM_MODEL })
  })
})

describe('headers', () => {
  it("forwards the client's anthropic-version and anthropic-beta, with the provider's key instead of the client's", async () => {
    const betas = ['interleaved-thinking-2025-05-14', 'context-1m-2025-08-07']
    const message = await h.client().beta.messages.create({ model: 'sonnet', max_tokens: 64, betas, messages: [{ role: 'user', content: 'beta please' }] })
    expect(message.content[0]).toMatchObject({ type: 'text', text: 'You said: beta please' })
    const sent = h.sent[0]
    const upstream = h.fake.requests[0]
    expect(new URL(sent.url).pathname).toBe('/v1/v1/messages')
    expect(upstream.headers['anthropic-beta']).toBe(betas.join(','))
    expect(upstream.headers['anthropic-version']).toBe(sent.headers['anthropic-version'])
    expect(upstream.headers['x-api-key']).toBe(UPSTREAM_KEY)
    expect(upstream.headers.authorization).toBeUndefined()
    expect(upstream.rawBody).toBe(withModel(sent.body, UPSTREAM_MODEL))
  })

  it('answers the beta endpoints older SDKs and agents call (`?beta=true`) like the plain ones', async () => {
    const hi = { model: 'sonnet', messages: [{ role: 'user', content: 'beta query' }] }
    const headers = { 'anthropic-version': '2023-06-01', 'anthropic-beta': 'token-efficient-tools-2025-02-19' }
    const message = await post(`${h.gw.url}/v1/v1/messages?beta=true`, JSON.stringify({ ...hi, max_tokens: 8 }), headers)
    expect(message.status).toBe(200)
    expect(await message.json()).toMatchObject({ type: 'message', content: [{ type: 'text', text: 'You said: beta query' }] })
    const count = await post(`${h.gw.url}/v1/messages/count_tokens?beta=true`, JSON.stringify(hi), headers)
    expect(await count.json()).toEqual({ input_tokens: expect.any(Number) })
    expect(h.fake.requests.map((r) => [r.route, r.headers['anthropic-beta']])).toEqual([
      ['anthropic.messages', 'token-efficient-tools-2025-02-19'],
      ['anthropic.count_tokens', 'token-efficient-tools-2025-02-19'],
    ])
  })

  it('sends a default anthropic-version when the client has none', async () => {
    const response = await post(`${h.gw.url}/v1/messages`, JSON.stringify({ model: 'sonnet', max_tokens: 8, messages: [{ role: 'user', content: 'curl' }] }))
    expect(response.status).toBe(200)
    expect(h.fake.requests[0].headers['anthropic-version']).toBe('2023-06-01')
  })

  it("returns the upstream's request-id and says which provider and model answered", async () => {
    const { data, response } = await h.client().messages.create({ model: 'sonnet', max_tokens: 8, messages: [{ role: 'user', content: 'who?' }] }).withResponse()
    expect(response.headers.get('request-id')).toMatch(/^req_/)
    expect(data.id).toMatch(/^msg_01/)
    expect(response.headers.get('x-llm-gateway-provider')).toBe('anthropic')
    expect(response.headers.get('x-llm-gateway-model')).toBe(UPSTREAM_MODEL)
  })
})

describe('cancellation', () => {
  it('aborting the SDK stream closes the upstream request', async () => {
    h.fake.enqueue(anthropic.text('a b c d e f g h i j', { chunkSize: 1, chunkDelayMs: 100 }))
    const stream = h.client().messages.stream({ model: 'sonnet', max_tokens: 64, messages: [{ role: 'user', content: 'slow' }] })
    // Listen before aborting: the SDK reports an abort nobody listens for as an unhandled rejection.
    const aborted = new Promise((resolve) => stream.on('abort', resolve))
    await new Promise<void>((resolve) => stream.on('text', () => resolve()))
    stream.abort()
    const abortedAt = await h.fake.waitForAbort(0)
    expect(abortedAt).toBeGreaterThan(0)
    expect(String(await aborted)).toMatch(/abort/i)
  })
})
