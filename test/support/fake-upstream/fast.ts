/**
 * Benchmark mode: bodies and streams rendered once at start-up, then written with no
 * parsing, validation or rendering per request. The stream flag is sniffed from the
 * raw body; Gemini streams by endpoint.
 */
import type { ServerResponse } from 'node:http'
import { renderAnthropic } from './anthropic/render.js'
import { renderGemini } from './gemini/render.js'
import { renderOpenAI } from './openai/render.js'
import { providerHeaders } from './response-headers.js'
import { frameSse } from './text.js'
import type { FastOptions, Provider, RecordedRequest, Reply, ReplyContext, RouteName } from './types.js'

interface Prepared {
  status: number
  headers: Record<string, string>
  frames: Buffer[]
  joined: Buffer
}

export interface FastRoute {
  json: Prepared
  stream: Prepared
}

const ROUTES: { route: RouteName; provider: Provider; model: string; json: Record<string, unknown> }[] = [
  { route: 'openai.chat', provider: 'openai', model: 'gpt-4o-mini', json: { messages: [{ role: 'user', content: 'bench' }], stream_options: { include_usage: true } } },
  { route: 'anthropic.messages', provider: 'anthropic', model: 'claude-sonnet-4-5-20250929', json: { max_tokens: 1024, messages: [{ role: 'user', content: 'bench' }] } },
  { route: 'gemini.generate', provider: 'gemini', model: 'gemini-2.5-flash', json: { contents: [{ role: 'user', parts: [{ text: 'bench' }] }] } },
  { route: 'gemini.stream', provider: 'gemini', model: 'gemini-2.5-flash', json: { contents: [{ role: 'user', parts: [{ text: 'bench' }] }] } },
]

function syntheticRequest(route: RouteName, provider: Provider, model: string, json: Record<string, unknown>): RecordedRequest {
  return {
    index: -1, method: 'POST', path: '', pathname: '', query: { alt: 'sse' }, prefix: '', route, provider, model, stream: false,
    headers: {}, rawBody: '', rawBytes: Buffer.alloc(0), json: { model, ...json }, receivedAt: 0, aborted: false,
  }
}

function prepare(reply: Reply, provider: Provider, seed: string): Prepared {
  if ('sse' in reply) {
    const frames = reply.sse.map((item) => Buffer.from(frameSse(item, reply.lineEnding)))
    const headers = { ...providerHeaders(provider, seed, true), ...(provider === 'gemini' ? { 'content-type': 'text/event-stream' } : {}) }
    return { status: 200, headers, frames, joined: Buffer.concat(frames) }
  }
  const body = Buffer.from(JSON.stringify('json' in reply ? reply.json : {}))
  return { status: 200, headers: { ...providerHeaders(provider, seed, false), 'content-length': String(body.length) }, frames: [body], joined: body }
}

export function precomputeFast(options: FastOptions, ctx: ReplyContext): Partial<Record<RouteName, FastRoute>> {
  const chunks = Math.max(1, options.chunks ?? 10)
  const text = Array.from({ length: chunks }, (_, i) => (i === 0 ? 'Fast' : ` token${i}`)).join('')
  const answer = { blocks: [{ type: 'text' as const, text }] }
  const out: Partial<Record<RouteName, FastRoute>> = {}
  for (const r of ROUTES) {
    const req = syntheticRequest(r.route, r.provider, r.model, r.json)
    const render = r.provider === 'openai' ? renderOpenAI : r.provider === 'anthropic' ? renderAnthropic : renderGemini
    out[r.route] = {
      json: prepare(render(req, ctx, answer, { stream: false }), r.provider, ctx.seed),
      stream: prepare(render(req, ctx, answer, { stream: true }), r.provider, ctx.seed),
    }
  }
  return out
}

const STREAM_FLAG = /"stream"\s*:\s*true/

export function fastWantsStream(route: RouteName, rawBody: string): boolean {
  if (route === 'gemini.stream') return true
  if (route === 'gemini.generate') return false
  return STREAM_FLAG.test(rawBody)
}

export async function writeFast(res: ServerResponse, prepared: Prepared, intervalMs: number, sleep: (ms: number) => Promise<void>): Promise<void> {
  res.writeHead(prepared.status, prepared.headers)
  if (!intervalMs || prepared.frames.length === 1) {
    res.end(prepared.joined)
    return
  }
  for (let i = 0; i < prepared.frames.length; i++) {
    if (i > 0) await sleep(intervalMs)
    if (res.destroyed) return
    res.write(prepared.frames[i])
  }
  res.end()
}
