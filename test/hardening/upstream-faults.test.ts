/**
 * Upstream faults, on every path: an OpenAI and an Anthropic client, each on
 * the passthrough path (same-format provider) and the translated path. Before
 * the response started, the client gets an HTTP error in its own envelope;
 * once a stream started, it gets its format's in-stream error event (never a
 * silently truncated stream). Every fault is in the traffic log, and the next
 * request succeeds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { anthropic, openai, type ReplyFn, type ReplySpec } from '../support/fake-upstream.js'
import {
  call,
  type Client,
  errorOf,
  requestBody,
  type Rig,
  SECRETS,
  startRig,
  streamErrorOf,
  TIGHT,
  withoutTerminal,
} from './harness.js'

let rig: Rig
beforeAll(async () => {
  rig = await startRig()
})
afterAll(() => rig.close())

type Upstream = 'openai' | 'anthropic'
interface Path {
  name: string
  client: Client
  upstream: Upstream
}
const PATHS: Path[] = [
  { name: 'OpenAI client -> OpenAI provider (passthrough)', client: 'openai', upstream: 'openai' },
  { name: 'Anthropic client -> Anthropic provider (passthrough)', client: 'anthropic', upstream: 'anthropic' },
  { name: 'OpenAI client -> Anthropic provider (translated)', client: 'openai', upstream: 'anthropic' },
  { name: 'Anthropic client -> OpenAI provider (translated)', client: 'anthropic', upstream: 'openai' },
]

const MODEL: Record<Upstream, string> = { openai: 'gpt-4o-mini', anthropic: 'claude-sonnet-4-5' }
const FAKE_PROVIDER: Record<Upstream, string> = { openai: 'oa', anthropic: 'an' }
const text = (upstream: Upstream, words: string, opts: Parameters<typeof openai.text>[1] = {}) =>
  upstream === 'openai' ? openai.text(words, opts) : anthropic.text(words, opts)

/** A fault before any response byte: reached through a provider, or scripted on the fake. */
interface PreStreamFault {
  name: string
  /** Waits for a timeout (about a second): on the translated paths, checked on stream requests only. */
  slow?: true
  provider?: Record<Upstream, string | null>
  reply?: (upstream: Upstream) => ReplySpec
  status: number
  message: RegExp
}

const PRE_STREAM: PreStreamFault[] = [
  { name: 'connection refused', provider: { openai: 'refused', anthropic: 'refusedan' }, status: 502, message: /Connection refused by provider 'refused(an)?'/ },
  { name: 'DNS failure', provider: { openai: 'nowhere', anthropic: null }, status: 502, message: /Cannot resolve the host of provider 'nowhere' \(llm-upstream\.invalid\)/ },
  { name: 'connect timeout (TLS never completes)', slow: true, provider: { openai: 'silent', anthropic: null }, status: 504, message: new RegExp(`Timed out connecting to provider 'silent'.* after ${TIGHT.connectMs} ms`) },
  { name: 'first-byte timeout', slow: true, reply: () => ({ hang: true }), status: 504, message: new RegExp(`No response from provider '(oa|an)'.* within ${TIGHT.firstByteMs} ms`) },
  { name: 'socket reset before any byte', reply: () => ({ destroy: true }), status: 502, message: /Cannot reach provider '(oa|an)'/ },
  {
    name: 'a 200 whose body is HTML',
    reply: () => ({ raw: '<html><body><h1>Welcome to nginx!</h1></body></html>', contentType: 'text/html', status: 200 }),
    status: 502,
    message: /Provider '(oa|an)' answered .*(not JSON \(text\/html: Welcome to nginx!\)|with text\/html instead of an event stream)/,
  },
  {
    name: 'a 200 whose body is an error',
    reply: (upstream) => ({
      status: 200,
      json:
        upstream === 'openai'
          ? { error: { message: 'The engine is currently overloaded', type: 'server_error', param: null, code: null } }
          : { type: 'error', error: { type: 'overloaded_error', message: 'The engine is currently overloaded' } },
    }),
    status: 502,
    message: /The engine is currently overloaded/,
  },
  {
    name: 'a non-JSON error body (proxy HTML page)',
    reply: () => ({ raw: '<html><head><title>502 Bad Gateway</title></head><body>cloudflare</body></html>', contentType: 'text/html', status: 502 }),
    status: 502,
    message: /502/,
  },
  {
    name: 'a plain-text 503',
    reply: () => ({ raw: 'upstream connect error or disconnect/reset before headers', contentType: 'text/plain', status: 503 }),
    status: 503,
    message: /upstream connect error|503|overloaded|unavailable/i,
  },
]

/** The first few events only: the fault strikes mid-answer. */
const cut = (builder: ReplyFn) => withoutTerminal(builder, () => 3)

/** A fault after the stream started: the client must get an in-stream error event. */
interface MidStreamFault {
  name: string
  reply: (upstream: Upstream) => ReplySpec
  message: RegExp
}

const MID_STREAM: MidStreamFault[] = [
  {
    name: 'connection reset mid-stream',
    reply: (u) => cut(text(u, 'one two three four', { chunkDelayMs: 5, ending: 'reset' })),
    message: /provider '(oa|an)'/,
  },
  {
    name: 'connection reset in the middle of an event',
    reply: (u) => async (req, ctx) => {
      const reply = (await text(u, 'one two three')(req, ctx)) as { sse: unknown[] }
      const partial = u === 'openai' ? 'data: {"id":"chatcmpl-cut","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":" hal' : 'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" hal'
      return { ...reply, sse: [...reply.sse.slice(0, 3), partial], ending: 'reset' } as never
    },
    message: /provider '(oa|an)'/,
  },
  { name: 'idle timeout mid-stream', reply: (u) => cut(text(u, 'one two three', { ending: 'hang' })), message: new RegExp(`stopped sending for ${TIGHT.idleMs} ms`) },
  { name: 'stream ends mid-answer, without its terminal event', reply: (u) => cut(text(u, 'one two three')), message: /ended|incomplete|before|terminal/i },
  {
    name: 'malformed SSE, then the body ends',
    reply: (u) =>
      withoutTerminal(
        async (req, ctx) => {
          const reply = (await text(u, 'one two three')(req, ctx)) as { sse: unknown[] }
          return { ...reply, sse: [...reply.sse.slice(0, 3), 'data: {"broken\n\n'] } as never
        },
        (n) => n,
      ),
    message: /./,
  },
  {
    name: 'the provider reports an error in the stream',
    reply: (u) => (u === 'openai' ? openai.streamError(2, { message: 'The server had an error while processing your request' }) : anthropic.streamError(3, 'overloaded_error', 'Overloaded')),
    message: /server had an error|Overloaded/,
  },
]

function providerFor(path: Path, fault: PreStreamFault): string | null {
  if (!fault.provider) return FAKE_PROVIDER[path.upstream]
  return fault.provider[path.upstream]
}

async function expectRecorded(id: string | null, check: (record: any) => void): Promise<void> {
  expect(id).toMatch(/^gw_/)
  const deadline = Date.now() + 3000
  for (;;) {
    const record = rig.gw.records.find((r) => r.id === id)
    if (record) return check(record)
    if (Date.now() > deadline) throw new Error(`no log record for ${id}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

/** After each fault: a plain request on the same path still works. */
async function expectStillServing(path: Path): Promise<void> {
  const model = `${FAKE_PROVIDER[path.upstream]}/${MODEL[path.upstream]}`
  const ok = await call(rig.gw.url, path.client, requestBody(path.client, model, true, 'still there'))
  expect(ok.status).toBe(200)
  expect(ok.text).toContain('still')
  expect(streamErrorOf(path.client, ok.text)).toBeUndefined()
  if (path.client === 'openai') expect(ok.text.trimEnd().endsWith('data: [DONE]')).toBe(true)
  else expect(ok.text).toContain('event: message_stop')
}

function expectNoSecrets(text: string): void {
  for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret)
}

for (const path of PATHS) {
  describe(path.name, () => {
    for (const fault of PRE_STREAM) {
      for (const stream of [false, true]) {
        const provider = providerFor(path, fault)
        const translated = path.client !== path.upstream
        // A timeout fires before any format matters; the translated paths check one variant, to keep the suite quick.
        if (fault.slow && translated && !stream) continue
        it.skipIf(provider === null)(`${fault.name} (${stream ? 'stream' : 'non-stream'}) -> ${fault.status} in the client's envelope`, async () => {
          if (fault.reply) rig.fake.enqueue(fault.reply(path.upstream))
          const response = await call(rig.gw.url, path.client, requestBody(path.client, `${provider}/${MODEL[path.upstream]}`, stream))
          // Anthropic clients hear "overloaded" as Anthropic says it: 529.
          const allowed = path.client === 'anthropic' && fault.status === 503 ? [503, 529] : [fault.status]
          expect(allowed, response.text).toContain(response.status)
          const status = response.status
          expect(response.headers.get('content-type')).toMatch(/application\/json/)
          const error = errorOf(path.client, response.text)
          expect(error.message).toMatch(fault.message)
          expectNoSecrets(response.text)
          await expectRecorded(response.headers.get('x-llm-gateway-id'), (record) => {
            expect(record.status).toBe(status)
            expect(record.error?.message).toMatch(fault.message)
            expect(record.cancelled).toBeUndefined()
            expectNoSecrets(JSON.stringify(record))
          })
          await expectStillServing(path)
        })
      }
    }

    for (const fault of MID_STREAM) {
      it(`${fault.name} -> an in-stream error event`, async () => {
        rig.fake.enqueue(fault.reply(path.upstream))
        const response = await call(rig.gw.url, path.client, requestBody(path.client, `${FAKE_PROVIDER[path.upstream]}/${MODEL[path.upstream]}`, true))
        expect(response.status).toBe(200)
        expect(response.headers.get('content-type')).toMatch(/text\/event-stream/)
        const error = streamErrorOf(path.client, response.text)
        expect(error, `no in-stream error at the end of:\n${response.text}`).toBeDefined()
        expect(error!.message).toMatch(fault.message)
        expect(typeof error!.type).toBe('string')
        if (path.client === 'openai') expect(response.text).not.toContain('[DONE]')
        else expect(response.text).not.toContain('message_stop')
        expectNoSecrets(response.text)
        await expectRecorded(response.headers.get('x-llm-gateway-id'), (record) => {
          expect(record.error, JSON.stringify(record)).not.toBeNull()
          expect(record.cancelled).toBeUndefined()
        })
        await expectStillServing(path)
      })
    }

    it('a stream that ends after the finish but without its final event', async () => {
      rig.fake.enqueue(withoutTerminal(text(path.upstream, 'one two three'), (n) => n - 1))
      const response = await call(rig.gw.url, path.client, requestBody(path.client, `${FAKE_PROVIDER[path.upstream]}/${MODEL[path.upstream]}`, true))
      expect(response.status).toBe(200)
      const error = streamErrorOf(path.client, response.text)
      if (path.upstream === 'anthropic') {
        // Anthropic's stream is complete only with message_stop.
        expect(error?.message).toMatch(/ended|before completion|final event/)
      } else {
        // OpenAI-compatible servers that skip [DONE] after a finish_reason gave a whole answer (the SDKs accept it too).
        expect(error).toBeUndefined()
        expect(response.text).toContain('three')
      }
      await expectStillServing(path)
    })

    it('a connection reset after the final event leaves a clean, complete stream', async () => {
      rig.fake.enqueue(text(path.upstream, 'one two three', { ending: 'reset' }))
      const response = await call(rig.gw.url, path.client, requestBody(path.client, `${FAKE_PROVIDER[path.upstream]}/${MODEL[path.upstream]}`, true))
      expect(response.status).toBe(200)
      expect(streamErrorOf(path.client, response.text)).toBeUndefined()
      if (path.client === 'openai') expect(response.text.trimEnd().endsWith('data: [DONE]')).toBe(true)
      else expect(response.text.trimEnd().endsWith('data: {"type":"message_stop"}')).toBe(true)
      await expectRecorded(response.headers.get('x-llm-gateway-id'), (record) => {
        expect(record.error).toBeNull()
        expect(record.status).toBe(200)
      })
    })

    it('a non-stream body that stalls mid-way -> 504 idle timeout', async () => {
      rig.fake.enqueue({ sse: ['{"id":"chatcmpl-1","object":'], ending: 'hang', contentType: 'application/json' })
      const response = await call(rig.gw.url, path.client, requestBody(path.client, `${FAKE_PROVIDER[path.upstream]}/${MODEL[path.upstream]}`, false))
      expect(response.status).toBe(504)
      expect(errorOf(path.client, response.text).message).toMatch(new RegExp(`stopped sending for ${TIGHT.idleMs} ms`))
      await expectStillServing(path)
    })

    it('a non-stream body cut mid-way -> 502', async () => {
      rig.fake.enqueue({ sse: ['{"id":"chatcmpl-1","object":'], ending: 'reset', contentType: 'application/json' })
      const response = await call(rig.gw.url, path.client, requestBody(path.client, `${FAKE_PROVIDER[path.upstream]}/${MODEL[path.upstream]}`, false))
      expect(response.status).toBe(502)
      expect(errorOf(path.client, response.text).message).toMatch(/provider '(oa|an)'/)
      await expectStillServing(path)
    })
  })
}
