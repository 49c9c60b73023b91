/**
 * Fallback chains end to end: the official OpenAI SDK (no retries of its own)
 * -> a real gateway -> fake upstreams posing as several providers. Covers each
 * retryable status, a refused connection, a header timeout, no retry once a
 * stream has started, retry-after, the circuit breaker and key rotation.
 */
import Anthropic from '@anthropic-ai/sdk'
import OpenAI from 'openai'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { anthropic, type FakeUpstream, openai, startFakeUpstream } from '../support/fake-upstream.js'
import { closedPort as findClosedPort } from '../support/closed-port.js'
import { startGateway, type TestGateway } from '../support/start-gateway.js'

let fake: FakeUpstream
let closedPort: number
const gateways: TestGateway[] = []


beforeAll(async () => {
  // No key check: the key-rotation tests send several keys and read them off the requests.
  fake = await startFakeUpstream()
  closedPort = await findClosedPort()
})
afterEach(() => fake.reset())
afterAll(async () => {
  await Promise.all(gateways.map((g) => g.close()))
  await fake.close()
})

const upstream = (prefix: string, extra: Record<string, unknown> = {}) => ({ type: 'openai', baseURL: fake.baseURL('openai', `/${prefix}`), apiKey: 'sk-up', ...extra })

async function gateway(routing: Record<string, unknown>, providers: Record<string, unknown> = {}, models: Record<string, unknown> = {}) {
  const gw = await startGateway({
    providers: { primary: upstream('primary'), backup: upstream('backup'), ...providers },
    models: { chain: ['primary/gpt-4o-mini', 'backup/gpt-4o-mini'], ...models },
    routing,
  })
  gateways.push(gw)
  return { gw, client: new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: 'unused', maxRetries: 0 }) }
}

const ask = (client: OpenAI, model = 'chain', content = 'hello') =>
  client.chat.completions.create({ model, messages: [{ role: 'user', content }] }).withResponse()

const hits = (prefix: string) => fake.requests.filter((r) => r.prefix === `/${prefix}`).length

describe('fallback to the next target', () => {
  let client: OpenAI
  let gw: TestGateway
  beforeAll(async () => {
    ;({ gw, client } = await gateway({ retries: 0, breaker: { failures: 0 } }))
  })

  it.each([408, 409, 429, 500, 502, 503, 504, 529])('on HTTP %i from the first target', async (status) => {
    fake.enqueue(openai.error(status), { prefix: '/primary' })
    const before = gw.records.length
    const { data, response } = await ask(client, 'chain', `status ${status}`)
    expect(data.choices[0].message.content).toContain(`status ${status}`)
    expect(response.headers.get('x-llm-gateway-provider')).toBe('backup')
    expect(response.headers.get('x-llm-gateway-model')).toBe('gpt-4o-mini')
    expect(response.headers.get('x-llm-gateway-attempts')).toBe('2')
    const [record] = (await gw.waitForRecords(before + 1)).slice(before)
    expect(record.attempts.map((a) => [a.provider, a.status])).toEqual([
      ['primary', status],
      ['backup', 200],
    ])
    expect(record.provider).toBe('backup')
  })

  it('on the translated path too (Anthropic SDK -> OpenAI-type providers)', async () => {
    fake.enqueue(openai.error(503), { prefix: '/primary' })
    const anthropicClient = new Anthropic({ baseURL: gw.url, apiKey: 'unused', maxRetries: 0 })
    const { data, response } = await anthropicClient.messages
      .create({ model: 'chain', max_tokens: 100, messages: [{ role: 'user', content: 'translated' }] })
      .withResponse()
    expect(data.content[0]).toMatchObject({ type: 'text', text: expect.stringContaining('translated') })
    expect(response.headers.get('x-llm-gateway-provider')).toBe('backup')
    expect(response.headers.get('x-llm-gateway-attempts')).toBe('2')
  })

  it('not on a client error (400): that answer is final', async () => {
    fake.enqueue(openai.error(400, { message: 'bad temperature' }), { prefix: '/primary' })
    const failure = await ask(client).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(OpenAI.BadRequestError)
    expect(hits('backup')).toBe(0)
    const headers = (failure as InstanceType<typeof OpenAI.APIError>).headers
    expect(headers?.get('x-llm-gateway-attempts')).toBe('1')
    expect(headers?.get('x-llm-gateway-provider')).toBe('primary')
  })

  it('errors say how many attempts were made, and which target answered last', async () => {
    fake.enqueue(openai.error(500), { prefix: '/primary' })
    fake.enqueue(openai.error(502), { prefix: '/backup' })
    const failure = (await ask(client).catch((e: unknown) => e)) as InstanceType<typeof OpenAI.APIError>
    expect(failure.status).toBe(502)
    expect(failure.headers?.get('x-llm-gateway-attempts')).toBe('2')
    expect(failure.headers?.get('x-llm-gateway-provider')).toBe('backup')
  })
})

describe('fallback on a 200 stream whose first event is an error', () => {
  it('an Anthropic overload sent as the first stream event (OpenAI SDK, translated): the backup answers', async () => {
    const { gw, client } = await gateway(
      { retries: 0, breaker: { failures: 0 } },
      { claude: { type: 'anthropic', baseURL: fake.baseURL('anthropic', '/claude'), apiKey: 'sk-ant-up' } },
      { overloaded: ['claude/claude-sonnet-4-5', 'backup/gpt-4o-mini'] },
    )
    fake.enqueue(anthropic.streamError(0, 'overloaded_error', 'Overloaded'), { prefix: '/claude' })
    const { data: stream, response } = await client.chat.completions
      .create({ model: 'overloaded', messages: [{ role: 'user', content: 'first event fails' }], stream: true })
      .withResponse()
    let text = ''
    for await (const part of stream) text += part.choices[0]?.delta?.content ?? ''
    expect(text).toContain('first event fails')
    expect(response.headers.get('x-llm-gateway-provider')).toBe('backup')
    const [record] = await gw.waitForRecords(1)
    expect(record.attempts.map((a) => [a.provider, a.status])).toEqual([
      ['claude', 529],
      ['backup', 200],
    ])
  })

  it('with nowhere to fall back to, the client gets the error as an HTTP status, not a 200 stream', async () => {
    const { client } = await gateway({ retries: 0, breaker: { failures: 0 } }, { claude: { type: 'anthropic', baseURL: fake.baseURL('anthropic', '/claude'), apiKey: 'sk-ant-up' } })
    fake.enqueue(anthropic.streamError(0, 'overloaded_error', 'Overloaded'), { prefix: '/claude' })
    const failure = await client.chat.completions
      .create({ model: 'claude/claude-sonnet-4-5', messages: [{ role: 'user', content: 'hi' }], stream: true })
      .catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(OpenAI.APIError)
    // An overload in OpenAI's terms: 503 (529 is Anthropic's own status).
    expect((failure as InstanceType<typeof OpenAI.APIError>).status).toBe(503)
    expect((failure as Error).message).toContain('Overloaded')
  })
})

describe('fallback on network failures', () => {
  it('when the connection is refused (a real closed port)', async () => {
    const { gw, client } = await gateway({ retries: 0 }, { dead: { type: 'openai', baseURL: `http://127.0.0.1:${closedPort}/v1`, apiKey: 'x' } }, { chain: ['dead/gpt-4o-mini', 'backup/gpt-4o-mini'] })
    const { response } = await ask(client)
    expect(response.headers.get('x-llm-gateway-provider')).toBe('backup')
    const [record] = await gw.waitForRecords(1)
    expect(record.attempts[0]).toMatchObject({ provider: 'dead', status: 502, error: expect.stringMatching(/Connection refused/) })
  })

  it('when the upstream sends no headers within firstByteMs', async () => {
    const { gw, client } = await gateway(
      { retries: 0 },
      { slow: upstream('slow', { timeouts: { firstByteMs: 150 } }) },
      { chain: ['slow/gpt-4o-mini', 'backup/gpt-4o-mini'] },
    )
    fake.enqueue({ delayMs: 2_000 }, { prefix: '/slow' })
    const started = Date.now()
    const { response } = await ask(client)
    // undici checks header timeouts on a ~1 s timer wheel, so 150 ms fires within about a second
    expect(Date.now() - started).toBeLessThan(1_900)
    expect(response.headers.get('x-llm-gateway-provider')).toBe('backup')
    const [record] = await gw.waitForRecords(1)
    expect(record.attempts[0]).toMatchObject({ provider: 'slow', status: 504, error: expect.stringMatching(/within 150 ms/) })
  })
})

describe('no retry once the client has bytes', () => {
  const chunk = (content: string) => ({
    data: { id: 'chatcmpl-cut', object: 'chat.completion.chunk', created: 1_760_000_000, model: 'gpt-4o-mini', choices: [{ index: 0, delta: { content }, finish_reason: null }] },
  })

  it('a stream cut after its first chunks ends with an error event, not a second attempt', async () => {
    const { gw, client } = await gateway({ retries: 2 })
    fake.enqueue({ sse: [chunk('Hel'), chunk('lo')], chunkDelayMs: 10, ending: 'reset' }, { prefix: '/primary' })
    const stream = await client.chat.completions.create({ model: 'chain', messages: [{ role: 'user', content: 'stream please' }], stream: true })
    const received: string[] = []
    const failure = await (async () => {
      for await (const part of stream) received.push(part.choices[0]?.delta?.content ?? '')
    })().catch((e: unknown) => e)
    expect(received.join('')).toBe('Hello')
    expect(failure).toBeInstanceOf(OpenAI.APIError)
    const [record] = await gw.waitForRecords(1)
    expect(record.attempts).toHaveLength(1)
    expect(hits('primary')).toBe(1)
    expect(hits('backup')).toBe(0)
  })

  it('an error the upstream sends inside a started stream reaches the client as is', async () => {
    const { gw, client } = await gateway({ retries: 2 })
    fake.enqueue(openai.streamError(2, { message: 'The server had an error while processing your request.' }), { prefix: '/primary' })
    const stream = await client.chat.completions.create({ model: 'chain', messages: [{ role: 'user', content: 'stream please' }], stream: true })
    const failure = await (async () => {
      for await (const _part of stream) {
        // drain
      }
    })().catch((e: unknown) => e)
    expect(failure).toMatchObject({ message: expect.stringContaining('The server had an error') })
    await gw.waitForRecords(1)
    expect(hits('backup')).toBe(0)
    expect(hits('primary')).toBe(1)
  })
})

describe('retries of the same target', () => {
  it('honour retry-after (seconds) before trying again', async () => {
    const { client } = await gateway({ retries: 1 })
    fake.enqueue(openai.error(429, { retryAfter: 1 }), { prefix: '/primary' })
    const { response } = await ask(client, 'primary/gpt-4o-mini')
    expect(response.headers.get('x-llm-gateway-attempts')).toBe('2')
    const [first, second] = fake.requests
    const waited = second.receivedAt - first.receivedAt
    expect(waited).toBeGreaterThanOrEqual(1_000)
    expect(waited).toBeLessThan(1_400)
  })

  it('honour retry-after-ms, and rotate to the next key', async () => {
    const { client } = await gateway({ retries: 1 }, { keyed: upstream('keyed', { apiKey: 'sk-up', apiKeys: ['sk-up-2'] }) })
    fake.enqueue(openai.error(429, { headers: { 'retry-after-ms': '300' } }), { prefix: '/keyed' })
    await ask(client, 'keyed/gpt-4o-mini')
    const [first, second] = fake.requests
    expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(300)
    expect([first.headers.authorization, second.headers.authorization]).toEqual(['Bearer sk-up', 'Bearer sk-up-2'])
  })

  it('back off exponentially between attempts', async () => {
    const { client } = await gateway({ retries: 2, backoffMs: 100 })
    fake.enqueueAll([openai.error(503), openai.error(503)], { prefix: '/primary' })
    const { response } = await ask(client, 'primary/gpt-4o-mini')
    expect(response.headers.get('x-llm-gateway-attempts')).toBe('3')
    const [a, b, c] = fake.requests.map((r) => r.receivedAt)
    // equal jitter: the n-th wait lies in [base*2^n / 2, base*2^n]
    expect(b - a).toBeGreaterThanOrEqual(50)
    expect(c - b).toBeGreaterThanOrEqual(100)
    expect(c - b).toBeLessThan(600)
  })
})

describe('key rotation', () => {
  it('spreads requests round-robin over apiKey and apiKeys', async () => {
    const { client } = await gateway({}, { pool: upstream('pool', { apiKey: 'sk-up', apiKeys: ['sk-up-2', 'sk-up-3'] }) })
    for (let i = 0; i < 4; i++) await ask(client, 'pool/gpt-4o-mini', `n${i}`)
    expect(fake.requests.map((r) => r.headers.authorization)).toEqual(['Bearer sk-up', 'Bearer sk-up-2', 'Bearer sk-up-3', 'Bearer sk-up'])
  })
})

describe('circuit breaker', () => {
  it('opens after consecutive failures, skips the provider, probes after the cool-down and closes', async () => {
    const { client } = await gateway({ retries: 0, breaker: { failures: 2, cooldownMs: 400 } })
    fake.alwaysReply(openai.error(503), { prefix: '/primary' })
    for (let i = 0; i < 2; i++) {
      const { response } = await ask(client)
      expect(response.headers.get('x-llm-gateway-attempts')).toBe('2')
    }
    expect(hits('primary')).toBe(2)

    // open: the primary is not called at all
    const skipped = await ask(client)
    expect(skipped.response.headers.get('x-llm-gateway-provider')).toBe('backup')
    expect(skipped.response.headers.get('x-llm-gateway-attempts')).toBe('1')
    expect(hits('primary')).toBe(2)

    // after the cool-down one probe goes through; the primary has recovered
    fake.alwaysReply(null)
    await new Promise((resolve) => setTimeout(resolve, 450))
    const probe = await ask(client)
    expect(probe.response.headers.get('x-llm-gateway-provider')).toBe('primary')
    expect(hits('primary')).toBe(3)
    const after = await ask(client)
    expect(after.response.headers.get('x-llm-gateway-provider')).toBe('primary')
  })

  it('answers 503 with retry-after while every target is cooling down', async () => {
    const { client } = await gateway({ retries: 0, breaker: { failures: 1, cooldownMs: 5_000 } })
    fake.alwaysReply(openai.error(500))
    await ask(client).catch(() => {})
    const failure = (await ask(client).catch((e: unknown) => e)) as InstanceType<typeof OpenAI.APIError>
    expect(failure.status).toBe(503)
    expect(failure.error).toMatchObject({ code: 'circuit_open' })
    expect(Number(failure.headers?.get('retry-after'))).toBeGreaterThanOrEqual(4)
    expect(failure.headers?.get('x-llm-gateway-attempts')).toBe('0')
    expect(fake.requests).toHaveLength(2)
  })
})
