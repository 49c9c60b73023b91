/**
 * Gemini error bodies -> GatewayError. The envelope is
 * `{"error":{"code":429,"message":"...","status":"RESOURCE_EXHAUSTED","details":[...]}}`
 * (an array of one envelope on non-SSE streaming). The HTTP status decides the
 * kind; the google.rpc status name is kept as `upstreamType`; RetryInfo's
 * `retryDelay` ("34.4s") or a `retry-after` header says when to retry.
 */
import { GatewayError, kindForStatus, type ErrorKind } from '../../ir/errors.js'
import type { GeminiErrorBody } from './wire-types.js'

/** google.rpc canonical codes, for envelopes that arrive without an HTTP status (inside a stream). */
const RPC_STATUS_HTTP: Record<string, number> = {
  INVALID_ARGUMENT: 400,
  FAILED_PRECONDITION: 400,
  OUT_OF_RANGE: 400,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  NOT_FOUND: 404,
  ABORTED: 409,
  ALREADY_EXISTS: 409,
  RESOURCE_EXHAUSTED: 429,
  CANCELLED: 499,
  INTERNAL: 500,
  UNKNOWN: 500,
  DATA_LOSS: 500,
  UNIMPLEMENTED: 501,
  UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 504,
}

export function errorFromUpstream(status: number, bodyText: string, headers: Record<string, string>): GatewayError {
  const envelope = parseEnvelope(bodyText)
  const retryAfterMs = retryDelayMs(envelope) ?? retryAfterHeaderMs(headers)
  if (!envelope) {
    return new GatewayError(kindForStatus(status), plainMessage(status, bodyText), {
      status,
      retryAfterMs,
      upstreamBody: bodyText,
      upstreamFormat: 'gemini',
    })
  }
  return fromEnvelope(envelope, status, bodyText, retryAfterMs)
}

/** An error envelope met inside a 200 stream (its HTTP status is long gone). */
export function errorFromStreamEnvelope(envelope: GeminiErrorBody, rawData: string): GatewayError {
  const status = httpStatusOf(envelope)
  return fromEnvelope(envelope, status, rawData, retryDelayMs(envelope))
}

export function isErrorEnvelope(value: unknown): value is GeminiErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as { error?: unknown }).error === 'object' && (value as { error?: unknown }).error !== null
}

function fromEnvelope(envelope: GeminiErrorBody, status: number, rawBody: string, retryAfterMs: number | undefined): GatewayError {
  const { message, status: rpcStatus } = envelope.error
  const kind = kindFor(envelope, status)
  return new GatewayError(kind, message || `Gemini returned ${rpcStatus ?? `HTTP ${status}`}`, {
    // A kind the details overrode gets its own status, so envelope and status agree.
    status: kind === kindForStatus(status) ? status : undefined,
    retryAfterMs,
    upstreamType: rpcStatus,
    upstreamBody: rawBody,
    upstreamFormat: 'gemini',
  })
}

function kindFor(envelope: GeminiErrorBody, status: number): ErrorKind {
  // Gemini answers a bad API key with 400 INVALID_ARGUMENT; it is an authentication problem.
  if (errorInfoReasons(envelope).some((reason) => reason === 'API_KEY_INVALID' || reason === 'API_KEY_EXPIRED')) {
    return 'authentication'
  }
  return kindForStatus(status)
}

function httpStatusOf(envelope: GeminiErrorBody): number {
  const { code, status } = envelope.error
  if (typeof code === 'number' && code >= 400 && code < 600) return code
  return (status && RPC_STATUS_HTTP[status]) || 500
}

function parseEnvelope(bodyText: string): GeminiErrorBody | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(bodyText)
  } catch {
    return undefined
  }
  if (Array.isArray(parsed)) parsed = parsed[0]
  return isErrorEnvelope(parsed) ? parsed : undefined
}

function details(envelope: GeminiErrorBody | undefined): Array<Record<string, unknown>> {
  const list = envelope?.error.details
  return Array.isArray(list) ? list.filter((d) => typeof d === 'object' && d !== null) : []
}

function errorInfoReasons(envelope: GeminiErrorBody): string[] {
  return details(envelope)
    .filter((d) => String(d['@type'] ?? '').endsWith('google.rpc.ErrorInfo'))
    .map((d) => String(d.reason ?? ''))
}

/** `google.rpc.RetryInfo.retryDelay`, a protobuf Duration in JSON: "34.4s". */
function retryDelayMs(envelope: GeminiErrorBody | undefined): number | undefined {
  const info = details(envelope).find((d) => String(d['@type'] ?? '').endsWith('google.rpc.RetryInfo'))
  const delay = info?.retryDelay
  if (typeof delay !== 'string') return undefined
  const match = /^(\d+(?:\.\d+)?)s$/.exec(delay.trim())
  return match ? Math.round(Number(match[1]) * 1000) : undefined
}

function retryAfterHeaderMs(headers: Record<string, string>): number | undefined {
  const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === 'retry-after')
  const value = entry?.[1]?.trim()
  if (!value) return undefined
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now())
}

/** A readable one-liner for bodies that are not the JSON envelope (proxy HTML pages, plain text). */
function plainMessage(status: number, bodyText: string): string {
  const text = bodyText
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  if (!text) return `Gemini returned HTTP ${status} with an empty body`
  return `Gemini returned HTTP ${status}: ${text.length > 200 ? `${text.slice(0, 200)}…` : text}`
}
