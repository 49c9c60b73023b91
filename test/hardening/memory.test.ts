/**
 * Memory stays flat: thousands of requests over every path (passthrough and
 * translated, streamed and not, both client formats, upstream errors) and
 * 1,000 streams cancelled mid-way leave the heap, measured after a full GC,
 * where it was after warm-up. Gateway, fake upstream and client share this
 * process, so any growth here is an upper bound on the gateway's.
 *
 * `npm test` runs 4,000 requests (about 8 s); the full soak the issue asks
 * for (20,000 requests and 1,000 cancelled streams, ~35 s) is
 * `node bench/memory-soak.mjs`, or set LLM_GATEWAY_MEMORY_REQUESTS /
 * LLM_GATEWAY_MEMORY_CANCELS.
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { Agent, request } from 'undici'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { LogRecord, Recorder } from '../../src/log/record.js'
import { startFakeUpstream, type FakeUpstream } from '../support/fake-upstream.js'
import { startGateway, type TestGateway } from '../support/start-gateway.js'

const REQUESTS = Number(process.env.LLM_GATEWAY_MEMORY_REQUESTS ?? 4_000)
const CANCELS = Number(process.env.LLM_GATEWAY_MEMORY_CANCELS ?? 1_000)
const CONCURRENCY = 32
const MB = 1024 * 1024

// A full collection on demand, without starting node with --expose-gc.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

function heapAfterGC(): number {
  for (let i = 0; i < 3; i++) gc()
  return process.memoryUsage().heapUsed
}

/** Counts records and keeps none: a log that grows by design would hide a leak. */
const counting: Recorder & { count: number; last?: LogRecord } = {
  count: 0,
  record(record) {
    this.count++
    this.last = record
  },
}

let fake: FakeUpstream
let slow: FakeUpstream
let gw: TestGateway
let client: Agent

beforeAll(async () => {
  fake = await startFakeUpstream({ fast: { chunks: 8 } })
  slow = await startFakeUpstream({ fast: { chunks: 50, intervalMs: 20 } })
  gw = await startGateway(
    {
      routing: { retries: 0, breaker: { failures: 0 } },
      providers: {
        oa: { type: 'openai', baseURL: fake.baseURL('openai'), apiKey: 'sk-memory' },
        an: { type: 'anthropic', baseURL: fake.baseURL('anthropic'), apiKey: 'sk-memory' },
        slowoa: { type: 'openai', baseURL: slow.baseURL('openai'), apiKey: 'sk-memory' },
        slowan: { type: 'anthropic', baseURL: slow.baseURL('anthropic'), apiKey: 'sk-memory' },
        down: { type: 'openai', baseURL: 'http://127.0.0.1:9/v1', apiKey: 'sk-memory', timeouts: { connectMs: 500 } },
      },
    },
    { recorder: counting },
  )
  client = new Agent({ connections: CONCURRENCY * 2 })
}, 30_000)

afterAll(async () => {
  await client?.close()
  await gw?.close()
  await fake?.close()
  await slow?.close()
})

type Shape = { path: string; body: string; headers: Record<string, string> }
const openaiBody = (model: string, stream: boolean) => JSON.stringify({ model, stream, messages: [{ role: 'user', content: 'memory check' }] })
const anthropicBody = (model: string, stream: boolean) => JSON.stringify({ model, stream, max_tokens: 64, messages: [{ role: 'user', content: 'memory check' }] })
const OPENAI = { path: '/v1/chat/completions', headers: { 'content-type': 'application/json' } }
const ANTHROPIC = { path: '/v1/messages', headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01' } }

/** Every path the gateway has, streamed and not, plus failures. */
const MIX: Shape[] = [
  { ...OPENAI, body: openaiBody('oa/gpt-4o-mini', false) },
  { ...OPENAI, body: openaiBody('oa/gpt-4o-mini', true) },
  { ...OPENAI, body: openaiBody('an/claude-sonnet-4-5', true) },
  { ...ANTHROPIC, body: anthropicBody('an/claude-sonnet-4-5', false) },
  { ...ANTHROPIC, body: anthropicBody('an/claude-sonnet-4-5', true) },
  { ...ANTHROPIC, body: anthropicBody('oa/gpt-4o-mini', true) },
  { ...ANTHROPIC, body: anthropicBody('oa/gpt-4o-mini', false) },
  { ...OPENAI, body: openaiBody('down/gpt-4o', false) },
  { ...OPENAI, body: '{"model":"oa/gpt-4o-mini","messages":[]}' },
]

async function send(shape: Shape): Promise<number> {
  const response = await request(`${gw.url}${shape.path}`, { method: 'POST', headers: shape.headers, body: shape.body, dispatcher: client })
  await response.body.text()
  return response.statusCode
}

async function runRequests(count: number): Promise<Map<number, number>> {
  const statuses = new Map<number, number>()
  let next = 0
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const status = await send(MIX[next++ % MIX.length])
        statuses.set(status, (statuses.get(status) ?? 0) + 1)
      }
    }),
  )
  return statuses
}

/** A slow stream (50 chunks, 20 ms apart), dropped by the client after its first chunk. */
async function cancelledStream(i: number): Promise<void> {
  const shape = i % 2 === 0 ? { ...OPENAI, body: openaiBody(i % 4 === 0 ? 'slowoa/gpt-4o-mini' : 'slowan/claude-sonnet-4-5', true) } : { ...ANTHROPIC, body: anthropicBody(i % 4 === 1 ? 'slowan/claude-sonnet-4-5' : 'slowoa/gpt-4o-mini', true) }
  const controller = new AbortController()
  const response = await request(`${gw.url}${shape.path}`, { method: 'POST', headers: shape.headers, body: shape.body, dispatcher: client, signal: controller.signal })
  for await (const _ of response.body) {
    controller.abort()
    break
  }
  await response.body.text().catch(() => undefined)
}

async function runCancels(count: number): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await cancelledStream(next++).catch(() => undefined)
    }),
  )
}

it(`stays flat over ${REQUESTS} requests and ${CANCELS} cancelled streams`, async () => {
  const started = Date.now()
  // Warm-up: JIT, connection pools, lazily built tables.
  await runRequests(2_000)
  await runCancels(100)
  await new Promise((r) => setTimeout(r, 200))
  const baseline = heapAfterGC()

  const samples: number[] = []
  const rounds = 4
  let served = 0
  const statuses = new Map<number, number>()
  for (let round = 0; round < rounds; round++) {
    const batch = await runRequests(REQUESTS / rounds)
    for (const [status, n] of batch) statuses.set(status, (statuses.get(status) ?? 0) + n)
    served += REQUESTS / rounds
    await runCancels(CANCELS / rounds)
    // Let the last cancellations and log records settle (records are finished on setImmediate).
    await new Promise((r) => setTimeout(r, 200))
    samples.push(heapAfterGC())
  }
  const growth = (samples.at(-1)! - baseline) / MB
  console.info(
    `memory: ${served} requests + ${CANCELS} cancelled streams in ${((Date.now() - started) / 1000).toFixed(1)} s; heap after GC: baseline ${(baseline / MB).toFixed(1)} MB, ` +
      `per round ${samples.map((s) => `${((s - baseline) / MB >= 0 ? '+' : '') + ((s - baseline) / MB).toFixed(2)}`).join(', ')} MB; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
  )

  // Every kind of answer happened (the mix really exercised success and failure paths).
  expect(statuses.get(200)).toBeGreaterThan(REQUESTS * 0.7)
  expect(statuses.get(400)).toBeGreaterThan(0)
  expect(statuses.get(502)).toBeGreaterThan(0)
  // Every request and every cancelled stream was logged; the cancelled ones as cancelled.
  await expect.poll(() => counting.count, { timeout: 5000 }).toBe(2_000 + 100 + REQUESTS + CANCELS)
  // Flat: no more than a few MB over the baseline, and no steady climb round after round.
  expect(growth).toBeLessThan(4)
  const climbs = samples.slice(1).filter((s, i) => s > samples[i] + 0.5 * MB).length
  expect(climbs).toBeLessThan(rounds - 1)
}, 120_000)
