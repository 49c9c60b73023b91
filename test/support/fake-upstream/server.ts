/**
 * The fake upstream server: a real node:http server on 127.0.0.1 that records every
 * request, checks auth and the provider's validation rules, then answers with a
 * scripted reply or the route's default.
 */
import { EventEmitter } from 'node:events'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { checkAuth, type Rejection } from './auth.js'
import { defaultReply } from './defaults.js'
import { notFoundBody } from './error-body.js'
import { fastWantsStream, precomputeFast, writeFast } from './fast.js'
import { requestSeed } from './hash.js'
import { DEFAULT_MODELS } from './models.js'
import { writeReply } from './reply-writer.js'
import { guessProvider, matchRoute } from './routes.js'
import { flattenHeaders, newRecord, parseBody, readBody } from './record.js'
import { ScriptQueue } from './script-queue.js'
import { DEFAULT_SIGNING_SECRET, issueGeminiSignature, issueRedactedData, signThinking } from './signing.js'
import type { FakeUpstream, FakeUpstreamOptions, Provider, RecordedRequest, Reply, ReplyContext, ReplySpec } from './types.js'
import { checkBodyParsed, validateRequest } from './validate.js'
import { createWaiters } from './waiters.js'

export async function startFakeUpstream(options: FakeUpstreamOptions = {}): Promise<FakeUpstream> {
  const secret = options.signingSecret ?? DEFAULT_SIGNING_SECRET
  const fast = options.fast ? (options.fast === true ? {} : options.fast) : null
  const recording = options.record ?? !fast
  const validating = options.validate ?? !fast
  const geminiSignatureCheck = options.geminiSignatureCheck ?? true
  const models = { ...DEFAULT_MODELS, ...options.models } as Record<Provider, string[]>
  const requests: RecordedRequest[] = []
  const events = new EventEmitter().setMaxListeners(0)
  const script = new ScriptQueue()
  const timers = new Set<NodeJS.Timeout>()
  let count = 0
  let closing = false

  const changed = () => events.emit('change')
  const sleep = (ms: number) =>
    ms <= 0
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const t = setTimeout(() => {
            timers.delete(t)
            resolve()
          }, ms)
          timers.add(t)
        })
  const contextFor = (seed: string): ReplyContext => ({
    signingSecret: secret,
    seed,
    signThinking: (thinking) => signThinking(secret, thinking),
    redactedData: (s) => issueRedactedData(secret, s),
    geminiSignature: (s) => issueGeminiSignature(secret, s),
  })
  const fastRoutes = fast ? precomputeFast(fast, contextFor(requestSeed('POST', '/fast', Buffer.alloc(0)))) : null

  async function resolveSpec(spec: ReplySpec, rec: RecordedRequest, ctx: ReplyContext): Promise<Reply> {
    let current: ReplySpec = spec
    // A reply function may return another function (builders inside dynamic replies).
    for (let depth = 0; typeof current === 'function'; depth++) {
      if (depth > 8) throw new Error('fake upstream: reply functions nested too deep')
      current = await current(rec, ctx)
    }
    return current
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake')
    const headers = flattenHeaders(req.headers)
    const match = matchRoute(req.method ?? 'GET', url.pathname, headers)
    const rec = newRecord(count++, req, url, headers, match)
    let onPurpose = false
    res.on('close', () => {
      if (res.writableFinished || onPurpose || closing) return
      rec.aborted = true
      rec.abortedAt = Date.now()
      changed()
    })
    res.on('finish', () => {
      rec.finishedAt = Date.now()
      changed()
    })

    const body = await readBody(req)
    if (body === null) return
    rec.rawBytes = body
    rec.rawBody = body.toString('utf8')
    const seed = requestSeed(rec.method, rec.pathname, body)
    const ctx = contextFor(seed)
    const env = {
      seed,
      request: rec,
      sleep,
      closingOnPurpose: () => (onPurpose = true),
    }
    const reject = (provider: Provider, r: Rejection) => {
      rec.rejection = r.message
      return writeReply(res, { error: r.status, body: r.body }, { ...env, provider, fallback: () => ({ error: r.status }) })
    }

    const fastRoute = fastRoutes && rec.route && script.empty ? fastRoutes[rec.route] : undefined
    // Fast mode skips parsing unless the body is kept for the test to read.
    if (!fastRoute || recording) parseBody(rec)
    if (recording) requests.push(rec)
    changed()

    if (!match) {
      const provider = headers['anthropic-version'] !== undefined ? 'anthropic' : guessProvider(url.pathname)
      return reject(provider, { status: 404, message: 'unknown route', body: notFoundBody(provider, rec.method, url.pathname, seed) })
    }
    const denied = checkAuth(match.provider, options.apiKey, headers, rec.query, seed)
    if (denied) return reject(match.provider, denied)
    if (fastRoute) {
      const stream = fastWantsStream(match.route, rec.rawBody)
      rec.status = 200
      return writeFast(res, stream ? fastRoute.stream : fastRoute.json, fast?.intervalMs ?? 0, sleep)
    }
    const invalid = checkBodyParsed(rec, seed) ?? (validating ? validateRequest(rec, seed, { secret, geminiSignatureCheck }) : null)
    if (invalid) return reject(match.provider, invalid)

    const fallback = () => defaultReply(rec, ctx, models)
    const reply = await resolveSpec(script.take(rec) ?? fallback(), rec, ctx)
    return writeReply(res, reply, { ...env, provider: match.provider, fallback })
  }

  const server = createServer({ keepAliveTimeout: 30_000 }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A broken reply script is a test bug: make it loud in the response and the console.
      console.error('fake upstream: reply failed', error)
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' })
      res.end(`fake upstream error: ${String(error)}`)
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const url = `http://127.0.0.1:${port}`

  const waiters = createWaiters(events, requests)

  return {
    url,
    port,
    requests,
    get requestCount() {
      return count
    },
    signingSecret: secret,
    baseURL(provider, prefix = '') {
      return `${url}${prefix}${provider === 'openai' ? '/v1' : provider === 'gemini' ? '/v1beta' : ''}`
    },
    enqueue: (reply, match) => script.enqueue(reply, match),
    enqueueAll: (replies, match) => replies.forEach((r) => script.enqueue(r, match)),
    alwaysReply: (reply, match) => script.always(reply, match),
    pendingReplies: () => script.pending,
    reset() {
      requests.length = 0
      count = 0
      script.clear()
    },
    async close() {
      closing = true
      for (const t of timers) clearTimeout(t)
      timers.clear()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
    ...waiters,
    signThinking: (thinking) => signThinking(secret, thinking),
    redactedData: (seed = 'test') => issueRedactedData(secret, seed),
    geminiSignature: (seed = 'test') => issueGeminiSignature(secret, seed),
  }
}
