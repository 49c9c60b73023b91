/**
 * Cancellation: when a client goes away, the upstream request is aborted
 * within 100 ms (no tokens are generated for nobody), on the passthrough and
 * the translated path, mid-stream and before the upstream answered at all; the
 * traffic log records a 499 marked cancelled with what had been received.
 */
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { anthropic, openai, type RecordedRequest } from '../support/fake-upstream.js'
import { type Client, post, requestBody, type Rig, startRig } from './harness.js'

const ABORT_BUDGET_MS = 100

let rig: Rig
const latencies: Array<[string, number]> = []
beforeAll(async () => {
  rig = await startRig()
})
afterAll(async () => {
  // The measured figures, for the README and the report.
  console.info(`upstream abort latency after the client hung up (ms):\n${latencies.map(([name, ms]) => `  ${ms}\t${name}`).join('\n')}`)
  await rig.close()
})

type Upstream = 'openai' | 'anthropic'
const PATHS: Array<{ name: string; client: Client; upstream: Upstream }> = [
  { name: 'passthrough OpenAI', client: 'openai', upstream: 'openai' },
  { name: 'passthrough Anthropic', client: 'anthropic', upstream: 'anthropic' },
  { name: 'translated OpenAI client -> Anthropic', client: 'openai', upstream: 'anthropic' },
  { name: 'translated Anthropic client -> OpenAI', client: 'anthropic', upstream: 'openai' },
]
const MODEL: Record<Upstream, string> = { openai: 'oa/gpt-4o-mini', anthropic: 'an/claude-sonnet-4-5' }

// Words that never occur in either wire format's framing, so counting them in raw SSE counts content.
const WORDS = 'apple banana cherry damson elderberry feijoa guava huckleberry jackfruit kiwano lychee mango nectarine olive quince rambutan'
/** A slow stream: one word every 150 ms (never idle long enough to trip the 400 ms idle timeout). */
const slow = (upstream: Upstream) => (upstream === 'openai' ? openai.text(WORDS, { chunkDelayMs: 150 }) : anthropic.text(WORDS, { chunkDelayMs: 150 }))

async function nextRequest(before: number): Promise<RecordedRequest> {
  return rig.fake.waitForRequest(before + 1, 3000)
}

async function recordFor(id: string): Promise<any> {
  for (const deadline = Date.now() + 3000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 10))) {
    const record = rig.gw.records.find((r) => r.id === id)
    if (record) return record
  }
  throw new Error(`no log record for ${id}`)
}

/** Read a streamed body until `enough` says so, then abort; returns the text read and when the abort happened. */
async function readThenAbort(response: Response, controller: AbortController, enough: (text: string) => boolean): Promise<{ text: string; abortedAt: number }> {
  const reader = response.body!.getReader()
  const decoder = new TextDecoder()
  let text = ''
  for (;;) {
    const { value, done } = await reader.read()
    if (done) throw new Error(`the stream ended before the test aborted it:\n${text}`)
    text += decoder.decode(value, { stream: true })
    if (enough(text)) break
  }
  const abortedAt = Date.now()
  controller.abort()
  await reader.cancel().catch(() => undefined)
  return { text, abortedAt }
}

const wordsIn = (text: string) => WORDS.split(' ').filter((w) => text.includes(w)).length

for (const path of PATHS) {
  describe(path.name, () => {
    it(`mid-stream: the upstream is aborted within ${ABORT_BUDGET_MS} ms and the log keeps the partial answer`, async () => {
      rig.fake.enqueue(slow(path.upstream))
      const before = rig.fake.requestCount
      const controller = new AbortController()
      const response = await post(rig.gw.url, path.client, requestBody(path.client, MODEL[path.upstream], true), { signal: controller.signal })
      expect(response.status).toBe(200)
      const id = response.headers.get('x-llm-gateway-id')!
      const { abortedAt } = await readThenAbort(response, controller, (text) => wordsIn(text) >= 3)
      const upstream = await nextRequest(before)
      const upstreamAbortedAt = await rig.fake.waitForAbort(upstream, 2000)
      latencies.push([`${path.name}, mid-stream`, upstreamAbortedAt - abortedAt])
      expect(upstreamAbortedAt - abortedAt).toBeLessThan(ABORT_BUDGET_MS)
      expect(upstream.finishedAt, 'the upstream never finished its answer').toBeUndefined()

      const record = await recordFor(id)
      expect(record).toMatchObject({ status: 499, cancelled: true, stream: true, error: { type: 'cancelled' } })
      // What had arrived before the client left is in the log.
      const logged = JSON.stringify(record.response)
      expect(wordsIn(logged)).toBeGreaterThanOrEqual(3)
      expect(logged).not.toContain('rambutan')
    })

    for (const stream of [false, true]) {
      it(`before the upstream answered (${stream ? 'stream' : 'non-stream'}): aborted within ${ABORT_BUDGET_MS} ms, logged as cancelled`, async () => {
        rig.fake.enqueue({ delayMs: 300 })
        const before = rig.fake.requestCount
        const controller = new AbortController()
        const marker = `cancel before headers ${path.name} ${stream}`
        const pending = post(rig.gw.url, path.client, requestBody(path.client, MODEL[path.upstream], stream, marker), { signal: controller.signal }).catch((e: Error) => e)
        const upstream = await nextRequest(before)
        const abortedAt = Date.now()
        controller.abort()
        expect(await pending).toBeInstanceOf(Error)
        const upstreamAbortedAt = await rig.fake.waitForAbort(upstream, 2000)
        latencies.push([`${path.name}, before headers, ${stream ? 'stream' : 'non-stream'}`, upstreamAbortedAt - abortedAt])
        expect(upstreamAbortedAt - abortedAt).toBeLessThan(ABORT_BUDGET_MS)

        const find = () => rig.gw.records.find((r) => JSON.stringify(r.request).includes(marker))
        await expect.poll(find, { timeout: 2000 }).toBeTruthy()
        const record = find()!
        expect(record).toMatchObject({ status: 499, cancelled: true, stream, error: { type: 'cancelled' } })
        expect(record.response).toBeNull()
      })
    }
  })
}

describe('a client that hangs up while still sending its request', () => {
  it('is logged as cancelled, and nothing goes upstream', async () => {
    const before = rig.fake.requestCount
    const records = rig.gw.records.length
    const { port } = new URL(rig.gw.url)
    const socket = connect(Number(port), '127.0.0.1')
    await new Promise((resolve) => socket.once('connect', resolve))
    socket.write(`POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"model":"oa/gpt-4o-mini","messages":[`)
    await new Promise((resolve) => setTimeout(resolve, 50))
    socket.destroy()
    await rig.gw.waitForRecords(records + 1)
    expect(rig.gw.records.at(-1)).toMatchObject({ status: 499, cancelled: true, error: { type: 'cancelled' } })
    expect(rig.fake.requestCount).toBe(before)
  })
})

describe('the gateway keeps serving after cancellations', () => {
  it('a burst of 50 streams cancelled at random points, then every request succeeds', async () => {
    const before = rig.fake.requestCount
    await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const path = PATHS[i % PATHS.length]
        const controller = new AbortController()
        rig.fake.enqueue(slow(path.upstream), { provider: path.upstream })
        const response = await post(rig.gw.url, path.client, requestBody(path.client, MODEL[path.upstream], true, `burst ${i}`), { signal: controller.signal }).catch(() => null)
        if (!response) return
        await readThenAbort(response, controller, (text) => wordsIn(text) >= 1 + (i % 3)).catch(() => undefined)
      }),
    )
    // Every upstream request of the burst was aborted (none runs on, generating tokens).
    const burst = rig.fake.requests.slice(before)
    await expect.poll(() => burst.filter((r) => r.aborted).length, { timeout: 3000 }).toBe(burst.length)
    rig.fake.reset()
    for (const path of PATHS) {
      const response = await post(rig.gw.url, path.client, requestBody(path.client, MODEL[path.upstream], false, 'after the burst'))
      expect(response.status).toBe(200)
      expect(await response.text()).toContain('after the burst')
    }
  })
})
