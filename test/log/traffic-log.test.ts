/**
 * The traffic log end to end: the official SDKs -> a real gateway -> a fake
 * upstream (and the built-in mock), with the real FileRecorder writing to a
 * temporary folder. Each test reads its record back from disk by the id the
 * response carried, and checks the fields: same-format and cross-format,
 * stream and not, failed, fallback and client-cancelled requests. Finally the
 * whole folder is searched for every key the test used.
 */
import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Anthropic from '@anthropic-ai/sdk'
import OpenAI from 'openai'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { costUsd } from '../../src/catalog/index.js'
import { FileRecorder } from '../../src/log/file-recorder.js'
import { findById } from '../../src/log/read-log.js'
import type { LogRecord } from '../../src/log/record.js'
import { anthropic, type FakeUpstream, openai, startFakeUpstream } from '../support/fake-upstream.js'
import { startGateway, type TestGateway } from '../support/start-gateway.js'

const UPSTREAM_KEY = 'sk-upstream-4d1f9a7c2b8e'
const GATEWAY_KEY = 'gw-client-key-8e3b1a90'

let dir: string
let fake: FakeUpstream
let recorder: FileRecorder
let gw: TestGateway
let oai: OpenAI
let ant: Anthropic
let startedAt: number

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'llm-gateway-e2e-log-'))
  fake = await startFakeUpstream({ apiKey: UPSTREAM_KEY })
  recorder = new FileRecorder({ dir, secrets: [UPSTREAM_KEY, GATEWAY_KEY], flushIntervalMs: 10 })
  const raw = {
    server: { apiKeys: [GATEWAY_KEY] },
    providers: {
      oa: { type: 'openai', baseURL: fake.baseURL('openai', '/oa'), apiKey: UPSTREAM_KEY },
      primary: { type: 'openai', baseURL: fake.baseURL('openai', '/primary'), apiKey: UPSTREAM_KEY },
      an: { type: 'anthropic', baseURL: fake.baseURL('anthropic'), apiKey: UPSTREAM_KEY },
      mock: { type: 'mock' },
    },
    models: { chain: ['primary/gpt-4o-mini', 'oa/gpt-4o-mini'] },
    routing: { retries: 0, breaker: { failures: 0 } },
  }
  gw = await startGateway(raw, { recorder, cost: (model, usage) => costUsd(model, usage) })
  oai = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: GATEWAY_KEY, maxRetries: 0 })
  ant = new Anthropic({ baseURL: gw.url, apiKey: GATEWAY_KEY, maxRetries: 0 })
  startedAt = Date.now()
})
afterEach(() => fake.reset())
afterAll(async () => {
  await gw?.close()
  await fake?.close()
  await rm(dir, { recursive: true, force: true })
})

/** The record of a response, as written to disk (records land shortly after the response ends). */
async function logged(id: string | null): Promise<LogRecord> {
  expect(id).toMatch(/^gw_[0-9a-z]+$/)
  for (let i = 0; i < 300; i++) {
    await recorder.flush()
    const [record] = await findById(dir, id!)
    if (record) return record
    await new Promise((r) => setTimeout(r, 10))
  }
  throw new Error(`no record ${id} on disk`)
}

function expectCommonFields(record: LogRecord, id: string | null) {
  expect(record.id).toBe(id)
  expect(Date.parse(record.time)).toBeGreaterThanOrEqual(startedAt - 1000)
  expect(Date.parse(record.time)).toBeLessThanOrEqual(Date.now())
  expect(record.latencyMs).toBeGreaterThanOrEqual(0)
  if (record.ttftMs !== null) expect(record.ttftMs).toBeLessThanOrEqual(record.latencyMs)
  expect(record.origin).toBe('server')
}

describe('same format (passthrough)', () => {
  it('OpenAI SDK, not streamed: every field', async () => {
    const body = { model: 'oa/gpt-4o-mini', messages: [{ role: 'system' as const, content: 'Be brief.' }, { role: 'user' as const, content: 'hello log' }] }
    const { data, response } = await oai.chat.completions.create(body).withResponse()
    const id = response.headers.get('x-llm-gateway-id')
    const record = await logged(id)
    expectCommonFields(record, id)
    expect(record).toMatchObject({
      format: 'openai',
      endpoint: '/v1/chat/completions',
      model: 'oa/gpt-4o-mini',
      provider: 'oa',
      providerModel: 'gpt-4o-mini',
      stream: false,
      status: 200,
      error: null,
      attempts: [{ provider: 'oa', providerModel: 'gpt-4o-mini', status: 200 }],
    })
    expect(record.client).toMatch(/^OpenAI\/JS /)
    expect(record.ttftMs).not.toBeNull()
    expect(record.usage).toEqual({ input: data.usage!.prompt_tokens, output: data.usage!.completion_tokens, cacheRead: 0, cacheWrite: 0, reasoning: 0 })
    expect(record.costUsd).toBe(costUsd('gpt-4o-mini', { inputTokens: record.usage!.input, outputTokens: record.usage!.output }))
    expect(record.costUsd).toBeGreaterThan(0)
    expect(record.request).toEqual(body)
    expect(record.response).toEqual(JSON.parse(JSON.stringify(data)))
  })

  it('OpenAI SDK, streamed: the assembled completion, not the chunks', async () => {
    fake.enqueue(openai.text('one two three four five', { chunkSize: 4 }))
    const stream = await oai.chat.completions.create({
      model: 'oa/gpt-4o-mini',
      messages: [{ role: 'user', content: 'count' }],
      stream: true,
      stream_options: { include_usage: true },
    }).withResponse()
    let text = ''
    let usage: OpenAI.CompletionUsage | undefined
    for await (const chunk of stream.data) {
      text += chunk.choices[0]?.delta.content ?? ''
      usage = chunk.usage ?? usage
    }
    const id = stream.response.headers.get('x-llm-gateway-id')
    const record = await logged(id)
    expectCommonFields(record, id)
    expect(record).toMatchObject({ stream: true, status: 200, provider: 'oa', error: null })
    expect(record.ttftMs).not.toBeNull()
    expect(record.usage).toMatchObject({ input: usage!.prompt_tokens, output: usage!.completion_tokens })
    expect(record.request).toMatchObject({ stream: true, stream_options: { include_usage: true } })
    const response = record.response as OpenAI.ChatCompletion
    expect(response.object).toBe('chat.completion')
    expect(response.choices[0].message.content).toBe(text)
    expect(response.choices[0].finish_reason).toBe('stop')
  })

  it('Anthropic SDK, streamed with thinking: the assembled message keeps thinking and its signature', async () => {
    fake.enqueue(anthropic.thinking('Weighing the options.', 'Use a map.'), { route: 'anthropic.messages' })
    const stream = ant.messages.stream({
      model: 'an/claude-sonnet-4-5',
      max_tokens: 2048,
      thinking: { type: 'enabled', budget_tokens: 1024 },
      messages: [{ role: 'user', content: 'map or object?' }],
    })
    const final = await stream.finalMessage()
    const { response } = await stream.withResponse()
    const id = response.headers.get('x-llm-gateway-id')
    const record = await logged(id)
    expectCommonFields(record, id)
    expect(record).toMatchObject({ format: 'anthropic', endpoint: '/v1/messages', provider: 'an', providerModel: 'claude-sonnet-4-5', stream: true, status: 200 })
    expect(record.client).toMatch(/^Anthropic\/JS /)
    expect(record.usage).toMatchObject({ input: final.usage.input_tokens, output: final.usage.output_tokens })
    const message = record.response as Anthropic.Message
    expect(message.type).toBe('message')
    expect(message.content).toEqual(JSON.parse(JSON.stringify(final.content)))
    expect(message.content[0]).toMatchObject({ type: 'thinking', thinking: 'Weighing the options.', signature: expect.any(String) })
    expect(message.stop_reason).toBe('end_turn')
  })
})

describe('cross format (translated)', () => {
  it('OpenAI SDK -> Anthropic provider: the response is logged as the client got it (OpenAI shape)', async () => {
    const { data, response } = await oai.chat.completions.create({ model: 'an/claude-sonnet-4-5', messages: [{ role: 'user', content: 'translate me' }] }).withResponse()
    const id = response.headers.get('x-llm-gateway-id')
    const record = await logged(id)
    expectCommonFields(record, id)
    expect(record).toMatchObject({ format: 'openai', provider: 'an', providerModel: 'claude-sonnet-4-5', status: 200, stream: false })
    expect(record.request).toMatchObject({ model: 'an/claude-sonnet-4-5', messages: [{ role: 'user', content: 'translate me' }] })
    expect(record.response).toEqual(JSON.parse(JSON.stringify(data)))
    expect(record.usage?.input).toBe(data.usage?.prompt_tokens)
    expect(record.costUsd).toBeGreaterThan(0)
  })

  it('Anthropic SDK -> OpenAI provider, streamed: an assembled Anthropic message', async () => {
    const stream = ant.messages.stream({ model: 'oa/gpt-4o-mini', max_tokens: 256, messages: [{ role: 'user', content: 'stream across formats' }] })
    const final = await stream.finalMessage()
    const { response } = await stream.withResponse()
    const id = response.headers.get('x-llm-gateway-id')
    const record = await logged(id)
    expectCommonFields(record, id)
    expect(record).toMatchObject({ format: 'anthropic', endpoint: '/v1/messages', provider: 'oa', stream: true, status: 200 })
    const message = record.response as Anthropic.Message
    expect(message.type).toBe('message')
    expect(message.content).toEqual(JSON.parse(JSON.stringify(final.content)))
  })

  it('the built-in mock, both SDKs, stream and not', async () => {
    const plain = await oai.chat.completions.create({ model: 'mock/echo', messages: [{ role: 'user', content: 'echo me' }] }).withResponse()
    const streamed = ant.messages.stream({ model: 'mock/echo', max_tokens: 64, messages: [{ role: 'user', content: 'echo me too' }] })
    await streamed.finalMessage()
    const a = await logged(plain.response.headers.get('x-llm-gateway-id'))
    const b = await logged((await streamed.withResponse()).response.headers.get('x-llm-gateway-id'))
    expect(a).toMatchObject({ provider: 'mock', providerModel: 'echo', stream: false, status: 200 })
    expect((a.response as OpenAI.ChatCompletion).choices[0].message.content).toBe('echo me')
    expect(b).toMatchObject({ provider: 'mock', format: 'anthropic', stream: true, status: 200 })
    expect((b.response as Anthropic.Message).content).toEqual([{ type: 'text', text: 'echo me too' }])
  })
})

describe('failures', () => {
  it('an unknown model: status, error, no provider, no attempts', async () => {
    const error = await oai.chat.completions.create({ model: 'nope/nothing', messages: [{ role: 'user', content: 'x' }] }).catch((e) => e)
    expect(error).toBeInstanceOf(OpenAI.APIError)
    const id = error.headers.get('x-llm-gateway-id')
    const record = await logged(id)
    expectCommonFields(record, id)
    expect(record).toMatchObject({ status: 404, model: 'nope/nothing', provider: null, providerModel: null, attempts: [], usage: null, costUsd: null, response: null, ttftMs: null })
    expect(record.error).toMatchObject({ type: expect.any(String), message: expect.stringContaining('nope/nothing') })
  })

  it('an upstream error: the attempt and the error are recorded, the request body kept', async () => {
    fake.enqueue(openai.error(400, { message: 'Invalid value for temperature', param: 'temperature' }))
    const error = await oai.chat.completions.create({ model: 'oa/gpt-4o-mini', temperature: 1.5, messages: [{ role: 'user', content: 'x' }] }).catch((e) => e)
    expect(error.status).toBe(400)
    const record = await logged(error.headers.get('x-llm-gateway-id'))
    expect(record).toMatchObject({ status: 400, provider: 'oa', attempts: [{ provider: 'oa', status: 400 }], request: { temperature: 1.5 } })
    expect(record.error?.message).toContain('Invalid value for temperature')
  })

  it('fallback: both attempts, the provider that answered', async () => {
    fake.enqueue(openai.error(503), { prefix: '/primary' })
    const { response } = await oai.chat.completions.create({ model: 'chain', messages: [{ role: 'user', content: 'fall back' }] }).withResponse()
    const record = await logged(response.headers.get('x-llm-gateway-id'))
    expect(record).toMatchObject({ model: 'chain', provider: 'oa', providerModel: 'gpt-4o-mini', status: 200, error: null })
    expect(record.attempts.map((a) => [a.provider, a.status])).toEqual([
      ['primary', 503],
      ['oa', 200],
    ])
    expect(record.attempts[0].error).toBeTruthy()
  })

  it('a client that hangs up mid-stream: 499, cancelled, the partial response', async () => {
    fake.enqueue(openai.text('a b c d e f g h i j k l m n o p', { chunkSize: 2, chunkDelayMs: 40 }))
    const controller = new AbortController()
    const { data: stream, response } = await oai.chat.completions
      .create({ model: 'oa/gpt-4o-mini', messages: [{ role: 'user', content: 'long one' }], stream: true }, { signal: controller.signal })
      .withResponse()
    let received = ''
    try {
      for await (const chunk of stream) {
        received += chunk.choices[0]?.delta.content ?? ''
        if (received.length >= 4) controller.abort()
      }
    } catch {
      // the SDK throws on abort
    }
    const record = await logged(response.headers.get('x-llm-gateway-id'))
    expect(record).toMatchObject({ status: 499, cancelled: true, stream: true, provider: 'oa' })
    expect(record.error?.type).toBe('cancelled')
    const partial = (record.response as OpenAI.ChatCompletion).choices[0].message.content ?? ''
    expect(partial.startsWith(received.slice(0, 4))).toBe(true)
    expect(partial.length).toBeLessThan('a b c d e f g h i j k l m n o p'.length)
  })
})

describe('secrets', () => {
  it('no provider or gateway key anywhere in the log folder', async () => {
    // A request that puts a key where the log would see it: in the prompt itself.
    await oai.chat.completions.create({ model: 'mock/echo', messages: [{ role: 'user', content: `my keys: ${UPSTREAM_KEY} ${GATEWAY_KEY}` }] })
    await new Promise((r) => setTimeout(r, 30))
    await recorder.flush()
    const files = await readdir(dir)
    expect(files.length).toBeGreaterThan(0)
    const text = (await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')))).join('')
    expect(text).toContain('[redacted]')
    expect(text).not.toContain(UPSTREAM_KEY)
    expect(text).not.toContain(GATEWAY_KEY)
    expect(text.toLowerCase()).not.toContain('authorization')
    expect(text.toLowerCase()).not.toContain('x-api-key')
  })
})

describe('log.bodies: false', () => {
  it('records metadata only', async () => {
    const quietDir = await mkdtemp(join(tmpdir(), 'llm-gateway-e2e-nobodies-'))
    const quiet = new FileRecorder({ dir: quietDir, bodies: false })
    const small = await startGateway({ providers: { mock: { type: 'mock' } } }, { recorder: quiet })
    try {
      const client = new OpenAI({ baseURL: `${small.url}/v1`, apiKey: 'unused', maxRetries: 0 })
      const { response } = await client.chat.completions.create({ model: 'mock/echo', messages: [{ role: 'user', content: 'private' }] }).withResponse()
      const id = response.headers.get('x-llm-gateway-id')!
      let record: LogRecord | undefined
      for (let i = 0; i < 100 && !record; i++) {
        await new Promise((r) => setTimeout(r, 10))
        await quiet.flush()
        ;[record] = await findById(quietDir, id)
      }
      expect(record).toMatchObject({ id, status: 200, provider: 'mock', request: null, response: null })
      expect(record?.usage?.output).toBeGreaterThan(0)
      const text = (await readdir(quietDir)).length ? await readFile(join(quietDir, (await readdir(quietDir))[0]), 'utf8') : ''
      expect(text).not.toContain('private')
    } finally {
      await small.close()
      await rm(quietDir, { recursive: true, force: true })
    }
  })
})
