/**
 * An Anthropic non-2xx response as a GatewayError: the kind follows the HTTP
 * status, the envelope's `error.type` and message are kept, and anything that
 * is not the envelope (a proxy's HTML page, plain text) becomes a short
 * readable message instead of a wall of markup.
 */
import { GatewayError, kindForStatus } from '../../ir/errors.js'

const MAX_TEXT = 200

function header(headers: Record<string, string>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value
  return undefined
}

/** `retry-after-ms`, else `retry-after` in seconds or as an HTTP date. */
export function retryAfterMs(headers: Record<string, string>, now = Date.now()): number | undefined {
  const ms = Number(header(headers, 'retry-after-ms'))
  if (header(headers, 'retry-after-ms') !== undefined && Number.isFinite(ms) && ms >= 0) return ms
  const value = header(headers, 'retry-after')?.trim()
  if (!value) return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return seconds >= 0 ? Math.round(seconds * 1000) : undefined
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

interface Extracted {
  type?: string
  message: string
}

function fromJson(json: unknown): Extracted | undefined {
  if (!json || typeof json !== 'object') return undefined
  const body = json as Record<string, unknown>
  const error = body.error
  if (error && typeof error === 'object') {
    const e = error as Record<string, unknown>
    if (typeof e.message === 'string') return { type: typeof e.type === 'string' ? e.type : undefined, message: e.message }
  }
  if (typeof error === 'string') return { message: error }
  if (typeof body.message === 'string') return { message: body.message }
  return undefined
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  return oneLine.length > MAX_TEXT ? `${oneLine.slice(0, MAX_TEXT)}…` : oneLine
}

function fromText(status: number, text: string): string {
  const base = `Anthropic returned HTTP ${status}`
  if (/<(!doctype|html|head|body)\b/i.test(text)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim()
    return title ? `${base} with an HTML page: ${shorten(title)}` : `${base} with an HTML page`
  }
  const short = shorten(text)
  return short ? `${base}: ${short}` : base
}

export function errorFromUpstream(status: number, bodyText: string, headers: Record<string, string>): GatewayError {
  let extracted: Extracted | undefined
  try {
    extracted = fromJson(JSON.parse(bodyText))
  } catch {
    extracted = undefined
  }
  const message = extracted?.message || fromText(status, bodyText)
  return new GatewayError(kindForStatus(status), message, {
    status,
    upstreamType: extracted?.type,
    retryAfterMs: retryAfterMs(headers),
    upstreamFormat: 'anthropic',
    upstreamBody: bodyText,
  })
}
