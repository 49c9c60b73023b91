/**
 * The fast path: OpenAI SDK -> gateway -> OpenAI-compatible fake upstream. The
 * body goes up with only the model rewritten, the stream comes back as sent, and
 * a client that hangs up takes the upstream request down with it.
 */
import OpenAI from 'openai'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type FakeUpstream, openai, startFakeUpstream } from '../support/fake-upstream.js'
import { startGateway, type TestGateway } from '../support/start-gateway.js'

let fake: FakeUpstream
let gw: TestGateway
let client: OpenAI

beforeAll(async () => {
  fake = await startFakeUpstream({ apiKey: 'sk-upstream-secret' })
  gw = await startGateway({
    providers: { up: { type: 'openai', baseURL: fake.baseURL('openai'), apiKey: 'sk-upstream-secret' } },
    models: { smart: 'up/gpt-4o-mini' },
    // One attempt per request: these tests look at single upstream exchanges.
    routing: { retries: 0 },
  })
  client = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: 'unused', maxRetries: 0 })
})
afterEach(() => fake.reset())
afterAll(async () => {
  await gw.close()
  await fake.close()
})

const direct = () => new OpenAI({ baseURL: fake.baseURL('openai'), apiKey: 'sk-upstream-secret', maxRetries: 0 })

describe('OpenAI passthrough', () => {
  it('forwards the body byte for byte except the model, with the provider key', async () => {
    const raw = '{ "messages": [{"role":"user","content":"hi \\u00e9"}],\n  "model": "up/gpt-4o-mini", "temperature": 0.50, "x_unknown": {"keep": true} }'
    const response = await fetch(`${gw.url}/v1/chat/completions`, { method: 'POST', headers: { authorization: 'Bearer client-key' }, body: raw })
    expect(response.status).toBe(200)
    const [received] = fake.requests
    expect(received.rawBody).toBe(raw.replace('"up/gpt-4o-mini"', '"gpt-4o-mini"'))
    expect(received.headers.authorization).toBe('Bearer sk-upstream-secret')
    expect(response.headers.get('x-llm-gateway-model')).toBe('gpt-4o-mini')
  })

  it('returns the upstream JSON as received (same as a direct call)', async () => {
    const params = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'same answer please' }] }
    const viaGateway = await client.chat.completions.create({ ...params, model: 'up/gpt-4o-mini' })
    const directly = await direct().chat.completions.create(params)
    expect(viaGateway).toEqual(directly)
  })

  it('streams chunk by chunk with usage, identical to the direct stream', async () => {
    const params = {
      model: 'gpt-4o-mini',
      messages: [{ role: 'user' as const, content: 'count to five please' }],
      stream: true as const,
      stream_options: { include_usage: true },
    }
    const collect = async (c: OpenAI, model: string) => {
      const chunks = []
      for await (const chunk of await c.chat.completions.create({ ...params, model })) chunks.push(chunk)
      return chunks
    }
    const viaGateway = await collect(client, 'smart')
    const directly = await collect(direct(), 'gpt-4o-mini')
    expect(viaGateway).toEqual(directly)
    expect(viaGateway.length).toBeGreaterThan(3)
    expect(viaGateway.at(-1)?.usage?.total_tokens).toBeGreaterThan(0)
  })

  it('relays each upstream chunk as it arrives (no buffering)', async () => {
    fake.enqueue(openai.text('a b c d e f', { chunkSize: 1, chunkDelayMs: 80 }))
    const stream = await client.chat.completions.create({ model: 'up/gpt-4o-mini', messages: [{ role: 'user', content: 'x' }], stream: true })
    const arrivals: number[] = []
    for await (const chunk of stream) if (chunk.choices[0]?.delta?.content) arrivals.push(Date.now())
    expect(arrivals.length).toBeGreaterThanOrEqual(4)
    // Spread over time like the upstream sent them, not delivered in one burst at the end.
    expect(arrivals.at(-1)! - arrivals[0]).toBeGreaterThan(200)
  })

  it('passes tool calls through the SDK stream helpers', async () => {
    fake.enqueue(
      openai.toolCalls([
        { name: 'get_weather', arguments: { city: 'Paris' } },
        { name: 'get_time', arguments: { zone: 'CET' } },
      ]),
    )
    const stream = client.chat.completions.stream({
      model: 'up/gpt-4o-mini',
      messages: [{ role: 'user', content: 'weather and time in Paris?' }],
      tools: [
        { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } },
        { type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: { zone: { type: 'string' } } } } },
      ],
    })
    const final = await stream.finalChatCompletion()
    const calls = final.choices[0].message.tool_calls ?? []
    expect(calls.map((c) => (c.type === 'function' ? [c.function.name, JSON.parse(c.function.arguments)] : null))).toEqual([
      ['get_weather', { city: 'Paris' }],
      ['get_time', { zone: 'CET' }],
    ])
    expect(final.choices[0].finish_reason).toBe('tool_calls')
  })

  it('returns upstream errors with their status and envelope unchanged', async () => {
    fake.enqueue(openai.error(429, { message: 'Rate limit reached for requests', type: 'requests', code: 'rate_limit_exceeded' }))
    const error = await client.chat.completions.create({ model: 'up/gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] }).catch((e) => e)
    expect(error).toBeInstanceOf(OpenAI.RateLimitError)
    expect(error.error).toMatchObject({ message: 'Rate limit reached for requests', type: 'requests', code: 'rate_limit_exceeded' })
  })

  it('aborts the upstream request when the client disconnects mid-stream', async () => {
    fake.enqueue(openai.text('one two three four five six seven eight nine ten', { chunkSize: 1, chunkDelayMs: 100 }))
    const controller = new AbortController()
    const stream = await client.chat.completions.create(
      { model: 'up/gpt-4o-mini', messages: [{ role: 'user', content: 'x' }], stream: true },
      { signal: controller.signal },
    )
    let seen = 0
    let abortAt = 0
    await (async () => {
      for await (const chunk of stream) {
        if (chunk.choices[0]?.delta?.content && ++seen === 2) {
          abortAt = Date.now()
          controller.abort()
        }
      }
    })().catch(() => undefined)
    const upstreamAbortedAt = await fake.waitForAbort(0, 2000)
    expect(upstreamAbortedAt - abortAt).toBeLessThan(500)
    const records = await gw.waitForRecords(1)
    expect(records.at(-1)).toMatchObject({ status: 499, cancelled: true, provider: 'up' })
  })
})
