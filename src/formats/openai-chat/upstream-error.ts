/**
 * An OpenAI-compatible service's error response as a GatewayError. Services
 * vary: OpenAI's envelope, Ollama's `{"error":"text"}`, vLLM's flat
 * `{"object":"error","message"}`, FastAPI's `{"detail"}`, Gemini's compat layer
 * wrapping the envelope in an array, or an HTML page from a proxy.
 */
import { GatewayError, type ErrorKind, kindForStatus } from '../../ir/errors.js'
import { type JsonObject, isObject } from './check.js'

interface ParsedError {
  message?: string
  type?: string
  code?: string
  param?: string
  /** An HTTP status given as the numeric `code` (OpenRouter, vLLM), for errors that arrive without one. */
  status?: number
}

function httpStatus(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 400 && value < 600 ? value : undefined
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined
}

function fromObject(body: JsonObject): ParsedError {
  const error = body.error
  if (isObject(error)) {
    return { message: text(error.message), type: text(error.type), code: text(error.code), param: text(error.param), status: httpStatus(error.code) }
  }
  if (typeof error === 'string') return { message: text(error) }
  const detail = body.detail
  if (typeof detail === 'string') return { message: text(detail) }
  if (Array.isArray(detail) && isObject(detail[0])) return { message: text(detail[0].msg) }
  return { message: text(body.message), type: text(body.type), code: text(body.code), status: httpStatus(body.code) }
}

export function parseErrorBody(bodyText: string): ParsedError | undefined {
  let body: unknown
  try {
    body = JSON.parse(bodyText)
  } catch {
    return undefined
  }
  if (Array.isArray(body)) body = body[0]
  return isObject(body) ? fromObject(body) : undefined
}

const MAX_TEXT = 200

/** A readable message from a body that is not JSON: an HTML page's title, or short plain text. */
function messageFromText(status: number, bodyText: string): string {
  const trimmed = bodyText.trim()
  const prefix = `Upstream returned HTTP ${status}`
  if (trimmed === '') return prefix
  if (/^<(!doctype|html|\?xml|head|body)/i.test(trimmed) || /<\/?[a-z][^>]*>/i.test(trimmed.slice(0, 200))) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(trimmed)?.[1]?.trim()
    return title ? `${prefix}: ${title}` : `${prefix} (an HTML error page)`
  }
  const oneLine = trimmed.replace(/\s+/g, ' ')
  return `${prefix}: ${oneLine.length > MAX_TEXT ? `${oneLine.slice(0, MAX_TEXT)}...` : oneLine}`
}

/** `retry-after-ms` (OpenAI) wins over `retry-after` (seconds or an HTTP date). */
export function retryAfterMs(headers: Record<string, string>, now = Date.now()): number | undefined {
  const lower = Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]))
  const ms = Number.parseFloat(lower['retry-after-ms'] ?? '')
  if (Number.isFinite(ms) && ms >= 0) return Math.round(ms)
  const value = lower['retry-after']
  if (value === undefined || value.trim() === '') return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

export function errorFromUpstream(status: number, bodyText: string, headers: Record<string, string>): GatewayError {
  const parsed = parseErrorBody(bodyText)
  const message = parsed?.message ?? messageFromText(status, parsed ? '' : bodyText)
  return new GatewayError(kindForStatus(status), message, {
    status,
    param: parsed?.param,
    code: parsed?.code,
    upstreamType: parsed?.type,
    retryAfterMs: retryAfterMs(headers),
    upstreamBody: bodyText,
    upstreamFormat: 'openai',
  })
}

/** The kind an in-stream error most likely means (it has no HTTP status). */
export function kindForErrorType(type: string | undefined, code: string | undefined): ErrorKind {
  if (code === 'rate_limit_exceeded' || type === 'requests' || type === 'tokens' || type === 'rate_limit_error') return 'rate_limit'
  if (code === 'insufficient_quota' || type === 'insufficient_quota') return 'billing'
  if (type === 'invalid_request_error') return 'invalid_request'
  if (type === 'authentication_error') return 'authentication'
  if (type === 'overloaded_error') return 'overloaded'
  return 'api_error'
}

/** A `data: {"error": ...}` message inside a stream as a GatewayError; `data` is the message as received. */
export function errorFromStreamPayload(payload: JsonObject, data: string): GatewayError {
  const parsed = fromObject(payload)
  const message = parsed.message ?? 'The upstream reported an error mid-stream'
  const kind = parsed.status === undefined ? kindForErrorType(parsed.type, parsed.code) : kindForStatus(parsed.status)
  return new GatewayError(kind, message, {
    status: parsed.status,
    param: parsed.param,
    code: parsed.code,
    upstreamType: parsed.type,
    upstreamBody: data,
    upstreamFormat: 'openai',
  })
}
