/**
 * POST /v1/messages/count_tokens through the SDK's messages.countTokens():
 * forwarded to an Anthropic provider (no max_tokens needed, body byte for byte
 * except the model), and estimated locally, in the same shape, for providers
 * that cannot count (the mock).
 */
import Anthropic from '@anthropic-ai/sdk'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { anthropic } from '../support/fake-upstream.js'
import { type BaseURLForm, type Harness, startHarness, UPSTREAM_MODEL, withModel } from './harness.js'

let h: Harness

beforeAll(async () => {
  h = await startHarness()
})
afterEach(() => h.reset())
afterAll(() => h.close())

const tools: Anthropic.Tool[] = [
  {
    name: 'get_weather',
    description: 'Get the current weather in a given location',
    input_schema: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] },
    cache_control: { type: 'ephemeral' },
  },
]

const request = {
  system: [{ type: 'text' as const, text: 'You are a helpful assistant...', cache_control: { type: 'ephemeral' as const } }],
  tools,
  thinking: { type: 'enabled' as const, budget_tokens: 2048 },
  messages: [{ role: 'user' as const, content: "What's the weather in San Francisco?" }],
}

describe.each<BaseURLForm>(['v1', 'root'])('count_tokens to an Anthropic provider, base URL form %s', (form) => {
  it('is forwarded without max_tokens and answers exactly what the upstream counts', async () => {
    const viaGateway = await h.client(form).messages.countTokens({ ...request, model: 'sonnet' })
    const upstream = h.fake.requests[0]
    expect(upstream.pathname).toBe('/v1/messages/count_tokens')
    expect(upstream.route).toBe('anthropic.count_tokens')
    expect(upstream.rawBody).toBe(withModel(h.sent[0].body, UPSTREAM_MODEL))
    const directly = await h.direct().messages.countTokens({ ...request, model: UPSTREAM_MODEL })
    expect(viaGateway).toEqual(directly)
    expect(viaGateway.input_tokens).toBeGreaterThan(10)
  })
})

describe('count_tokens details', () => {
  it('takes a bare Anthropic model name', async () => {
    const viaGateway = await h.client().messages.countTokens({ model: 'claude-3-5-sonnet-20241022', messages: [{ role: 'user', content: 'Hello!' }] })
    expect(h.fake.requests[0].model).toBe('claude-3-5-sonnet-20241022')
    expect(viaGateway).toEqual(await h.direct().messages.countTokens({ model: 'claude-3-5-sonnet-20241022', messages: [{ role: 'user', content: 'Hello!' }] }))
  })

  it("passes the upstream's error through untouched", async () => {
    h.fake.enqueue(anthropic.error(429, undefined, undefined, { retryAfter: 3 }), { route: 'anthropic.count_tokens' })
    const error = await h
      .client()
      .messages.countTokens({ model: 'sonnet', messages: [{ role: 'user', content: 'Hello!' }] })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Anthropic.RateLimitError)
    expect((error as InstanceType<typeof Anthropic.RateLimitError>).error).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' }, request_id: expect.any(String) })
  })

  it('is validated like Anthropic does, max_tokens aside', async () => {
    const post = (body: unknown) =>
      fetch(`${h.gw.url}/v1/messages/count_tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    for (const [body, status, message] of [
      [{ model: 'sonnet' }, 400, 'messages: Field required'],
      [{ model: 'sonnet', messages: [] }, 400, 'messages: at least one message is required'],
      [{ messages: [{ role: 'user', content: 'x' }] }, 400, 'model: Field required'],
      [{ model: 'claude-nonexistent-9', messages: [{ role: 'user', content: 'x' }] }, 404, expect.stringContaining('claude-nonexistent-9')],
    ] as const) {
      const response = await post(body)
      expect(response.status).toBe(status)
      const type = status === 404 ? 'not_found_error' : 'invalid_request_error'
      expect(await response.json()).toEqual({ type: 'error', error: { type, message } })
    }
    expect(h.fake.requests.filter((r) => r.route === 'anthropic.count_tokens')).toHaveLength(0)
  })
})

describe('count_tokens for a provider that cannot count', () => {
  it('answers a local estimate in the same shape, marked as an estimate', async () => {
    const response = await h.client().messages.countTokens({ model: 'mock/echo', system: 'Be brief.', messages: [{ role: 'user', content: 'Hello, Claude!' }] }).asResponse()
    expect(response.headers.get('x-llm-gateway-token-count')).toBe('estimate')
    // 4 per message for role markers + ceil(14 / 4) for the text + ceil(9 / 4) for the system prompt.
    expect(await response.json()).toEqual({ input_tokens: 4 + 4 + 3 })
    expect(h.fake.requests).toHaveLength(0)
  })

  it('counts tools, tool calls and results, and grows with the input', async () => {
    const count = (messages: Anthropic.MessageParam[], withTools = false) =>
      h.client().messages.countTokens({ model: 'mock/echo', messages, ...(withTools ? { tools } : {}) })
    const short = await count([{ role: 'user', content: 'Hi' }])
    const long = await count([{ role: 'user', content: 'Hi '.repeat(400) }])
    const withTools = await count([{ role: 'user', content: 'Hi' }], true)
    const toolTurn = await count(
      [
        { role: 'user', content: 'Weather?' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { location: 'Paris' } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: '18°C and sunny' }] },
      ],
      true,
    )
    expect(long.input_tokens).toBeGreaterThan(short.input_tokens + 250)
    expect(withTools.input_tokens).toBeGreaterThan(short.input_tokens + 20)
    expect(toolTurn.input_tokens).toBeGreaterThan(withTools.input_tokens)
  })

  it('is recorded in the traffic log', async () => {
    const before = h.gw.records.length
    await h.client().messages.countTokens({ model: 'mock/echo', messages: [{ role: 'user', content: 'log me' }] })
    const [record] = (await h.gw.waitForRecords(before + 1)).slice(before)
    expect(record).toMatchObject({ endpoint: '/v1/messages/count_tokens', status: 200, provider: 'mock' })
  })
})
