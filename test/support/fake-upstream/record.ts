/** Turning an incoming request into a RecordedRequest. */
import type { IncomingMessage } from 'node:http'
import type { RouteMatch } from './routes.js'
import type { RecordedRequest } from './types.js'

export function flattenHeaders(raw: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(raw)) if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value
  return out
}

/** The whole body, or null when the client went away mid-upload. */
export function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', () => resolve(null))
    req.on('aborted', () => resolve(null))
  })
}

export function newRecord(index: number, req: IncomingMessage, url: URL, headers: Record<string, string>, match: RouteMatch | null): RecordedRequest {
  return {
    index,
    method: req.method ?? 'GET',
    path: req.url ?? '/',
    pathname: url.pathname,
    query: Object.fromEntries(url.searchParams),
    prefix: match?.prefix ?? '',
    route: match?.route ?? null,
    provider: match?.provider ?? null,
    model: match?.model,
    stream: match?.route === 'gemini.stream',
    headers,
    rawBody: '',
    rawBytes: Buffer.alloc(0),
    receivedAt: Date.now(),
    aborted: false,
  }
}

/** Parses the body and, for OpenAI/Anthropic, takes model and stream flag from it. */
export function parseBody(rec: RecordedRequest): void {
  if (rec.rawBody === '') return
  try {
    rec.json = JSON.parse(rec.rawBody)
  } catch {
    return
  }
  if (rec.provider === 'gemini' || !rec.json || typeof rec.json !== 'object') return
  const body = rec.json as { model?: unknown; stream?: unknown }
  if (typeof body.model === 'string') rec.model = body.model
  rec.stream = body.stream === true
}
