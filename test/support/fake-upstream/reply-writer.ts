/**
 * Puts a resolved Reply on the wire: JSON, SSE with timing and a chosen ending, raw
 * bytes, an error envelope, a socket reset, a hang, or a delay before the default.
 */
import type { ServerResponse } from 'node:http'
import { defaultErrorBody } from './error-body.js'
import { providerHeaders, SSE_CONTENT_TYPE } from './response-headers.js'
import { frameSse } from './text.js'
import type { Provider, RecordedRequest, Reply, SseReply } from './types.js'

export interface WriteEnv {
  provider: Provider
  seed: string
  request: RecordedRequest
  /** Cancellable by close(); resolves after ms. */
  sleep(ms: number): Promise<void>
  /** The default reply, for `{ delayMs }` alone. */
  fallback(): Reply
  /** Marks the socket as closed on purpose, so it is not reported as a client abort. */
  closingOnPurpose(): void
}

const gone = (res: ServerResponse) => res.destroyed || res.writableEnded

export async function writeReply(res: ServerResponse, reply: Reply, env: WriteEnv): Promise<void> {
  if ('hang' in reply) return
  if (reply.delayMs) await env.sleep(reply.delayMs)
  if (gone(res)) return
  if ('destroy' in reply) {
    env.closingOnPurpose()
    res.socket?.destroy()
    return
  }
  if ('error' in reply) {
    const body = reply.body ?? defaultErrorBody(env.provider, reply.error, env.seed, env.request.model)
    return sendBody(res, env, reply.error, typeof body === 'string' ? body : JSON.stringify(body), {
      ...providerHeaders(env.provider, env.seed, false),
      ...reply.headers,
    })
  }
  if ('sse' in reply) return writeSse(res, reply, env)
  if ('json' in reply) {
    return sendBody(res, env, reply.status ?? 200, JSON.stringify(reply.json), { ...providerHeaders(env.provider, env.seed, false), ...reply.headers })
  }
  if ('raw' in reply) {
    return sendBody(res, env, reply.status ?? 200, reply.raw, { 'content-type': reply.contentType ?? 'text/plain; charset=utf-8', ...reply.headers })
  }
  return writeReply(res, env.fallback(), env)
}

function sendBody(res: ServerResponse, env: WriteEnv, status: number, body: string | Buffer, headers: Record<string, string>): void {
  env.request.status = status
  res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) })
  res.end(body)
}

async function writeSse(res: ServerResponse, reply: SseReply, env: WriteEnv): Promise<void> {
  const status = reply.status ?? 200
  env.request.status = status
  res.writeHead(status, {
    ...providerHeaders(env.provider, env.seed, true),
    'content-type': reply.contentType ?? (env.provider === 'gemini' ? 'text/event-stream' : SSE_CONTENT_TYPE),
    ...reply.headers,
  })
  res.flushHeaders()
  if (reply.firstByteDelayMs) await env.sleep(reply.firstByteDelayMs)
  for (let i = 0; i < reply.sse.length; i++) {
    if (gone(res)) return
    if (i > 0 && reply.chunkDelayMs) {
      await env.sleep(reply.chunkDelayMs)
      if (gone(res)) return
    }
    res.write(frameSse(reply.sse[i], reply.lineEnding))
  }
  const ending = reply.ending ?? 'normal'
  if (ending === 'normal') res.end()
  else if (ending === 'reset') await resetAfterFlush(res, env)
}

/** Let the written bytes leave first, then cut the connection mid-body (no terminating chunk). */
async function resetAfterFlush(res: ServerResponse, env: WriteEnv): Promise<void> {
  await new Promise<void>((resolve) => res.write('', () => resolve()))
  await env.sleep(5)
  env.closingOnPurpose()
  res.socket?.destroy()
}
