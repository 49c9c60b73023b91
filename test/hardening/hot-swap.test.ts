/**
 * The swappable gateway behind `serve`, in process: a swap sends new requests
 * to the new gateway, the old one closes only after its last request ends,
 * and a shutdown refuses new requests and cuts running ones cleanly.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { interpolateEnv } from '../../src/config/interpolate-env.js'
import { validateConfig } from '../../src/config/validate.js'
import { createGateway, type Gateway } from '../../src/gateway/create-gateway.js'
import { createHotGateway, type HotGateway } from '../../src/gateway/hot-gateway.js'
import { startServer, type RunningServer } from '../../src/server/start-server.js'
import { openai, startFakeUpstream, type FakeUpstream } from '../support/fake-upstream.js'
import { memoryRecorder } from '../support/start-gateway.js'
import { post, requestBody, streamErrorOf } from './harness.js'

let fake: FakeUpstream
beforeAll(async () => {
  fake = await startFakeUpstream()
})
afterAll(() => fake.close())

function gatewayFor(prefix: string, apiKeys: string[] = []): Gateway & { closed: boolean; records: unknown[] } {
  const raw = { server: { apiKeys }, routing: { retries: 0 }, providers: { up: { type: 'openai', baseURL: fake.baseURL('openai', prefix), apiKey: 'sk-test' } }, models: { chat: 'up/gpt-4o-mini' } }
  const missing: Parameters<typeof interpolateEnv>[2] = []
  const config = validateConfig(interpolateEnv(raw, process.env, missing), { file: 'hot', missing, env: process.env })
  const recorder = memoryRecorder()
  const gateway = createGateway(config, { recorder })
  const tracked = Object.assign(gateway, { closed: false, records: recorder.records })
  const close = gateway.close.bind(gateway)
  tracked.close = async () => {
    tracked.closed = true
    await close()
  }
  return tracked
}

async function serve(gateway: HotGateway): Promise<RunningServer> {
  return startServer(gateway, { host: '127.0.0.1', port: 0 })
}

it('a swap serves new requests with the new gateway and closes the old one after its last stream', async () => {
  const first = gatewayFor('/first')
  const hot = createHotGateway(first)
  const server = await serve(hot)
  fake.enqueue(openai.text('one two three four five', { chunkDelayMs: 80 }))
  const streaming = await post(server.url, 'openai', requestBody('openai', 'chat', true))
  const reading = streaming.text()

  const second = gatewayFor('/second')
  hot.swap(second)
  expect(hot.config).toBe(second.config)
  const fresh = await post(server.url, 'openai', requestBody('openai', 'chat', false))
  expect(fresh.status).toBe(200)
  expect(fake.requests.at(-1)?.prefix).toBe('/second')
  expect(first.closed, 'closed while its stream was running').toBe(false)

  const text = await reading
  expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true)
  await expect.poll(() => first.closed).toBe(true)
  expect(second.closed).toBe(false)
  await server.close({ graceMs: 1000 })
  await hot.close()
  expect(second.closed).toBe(true)
  expect(hot.inFlight()).toBe(0)
})

it('a swap that adds server.apiKeys takes effect at once', async () => {
  const hot = createHotGateway(gatewayFor('/open'))
  const server = await serve(hot)
  expect((await fetch(`${server.url}/v1/models`)).status).toBe(200)
  hot.swap(gatewayFor('/closed', ['gw-reloaded-key-123']))
  expect((await fetch(`${server.url}/v1/models`)).status).toBe(401)
  expect((await fetch(`${server.url}/v1/models`, { headers: { authorization: 'Bearer gw-reloaded-key-123' } })).status).toBe(200)
  await server.close({ graceMs: 0 })
  await hot.close()
})

it('while shutting down: new requests get a 503, running ones are cut with an error event and a 503', async () => {
  const gateway = gatewayFor('/third')
  const hot = createHotGateway(gateway)
  const server = await serve(hot)
  fake.enqueue(openai.text('one two three four five six seven eight', { chunkDelayMs: 100 }))
  fake.enqueue({ delayMs: 5000 })
  const streaming = await post(server.url, 'openai', requestBody('openai', 'chat', true))
  const waiting = post(server.url, 'anthropic', requestBody('anthropic', 'chat', false))
  await fake.waitForRequest(2)
  hot.stopTaking()
  const refused = await post(server.url, 'openai', requestBody('openai', 'chat', false))
  expect(refused.status).toBe(503)
  expect(((await refused.json()) as any).error.message).toMatch(/shutting down/)

  hot.cut()
  expect(streamErrorOf('openai', await streaming.text())?.message).toMatch(/shutting down/)
  const cut = await waiting
  // Anthropic says "overloaded" with its own 529 (its SDK retries it).
  expect(cut.status).toBe(529)
  expect(((await cut.json()) as any).error.type).toBe('overloaded_error')
  await expect.poll(() => hot.inFlight()).toBe(0)
  await server.close({ graceMs: 0 })
  await hot.close()
})
