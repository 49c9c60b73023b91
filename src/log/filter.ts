/**
 * Which records a `logs` command looks at: by model, provider, status and age.
 * The parsers turn command-line words into predicates and reject what they do
 * not understand with a message that says what is accepted.
 */
import type { LogRecord } from './record.js'

export class InvalidFilterError extends Error {
  override name = 'InvalidFilterError'
}

export interface RecordFilter {
  /** The requested model, the provider's model, or `provider/model`. */
  model?: string
  provider?: string
  status?: StatusMatcher
  /** Epoch ms: records that started at or after it. */
  since?: number
}

export type StatusMatcher = (record: LogRecord) => boolean

const isError = (r: LogRecord) => r.status >= 400 || r.error !== null

const STATUS_WORDS: Record<string, StatusMatcher> = {
  ok: (r) => !isError(r),
  error: isError,
  errors: isError,
  failed: isError,
  cancelled: (r) => r.cancelled === true || r.status === 499,
}

/** `200`, `4xx`, `5xx`, `ok`, `error`, `cancelled`, or several joined by commas. */
export function parseStatus(text: string): StatusMatcher {
  const matchers = text.split(',').map((word) => {
    const w = word.trim().toLowerCase()
    if (/^[1-5]\d\d$/.test(w)) {
      const code = Number(w)
      return (r: LogRecord) => r.status === code
    }
    if (/^[1-5]xx$/.test(w)) {
      const hundreds = Number(w[0])
      return (r: LogRecord) => Math.floor(r.status / 100) === hundreds
    }
    const named = STATUS_WORDS[w]
    if (named) return named
    throw new InvalidFilterError(`--status expects a status code (200), a class (4xx, 5xx), ok, error or cancelled; got "${text}"`)
  })
  return matchers.length === 1 ? matchers[0] : (r) => matchers.some((m) => m(r))
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }

/** `30s`, `15m`, `1h`, `2d`, `1w` (ago), or an ISO date/time; returns epoch ms. */
export function parseSince(text: string, now = Date.now()): number {
  const duration = /^(\d+(?:\.\d+)?)\s*([smhdw])$/i.exec(text.trim())
  if (duration) return now - Number(duration[1]) * UNIT_MS[duration[2].toLowerCase()]
  if (/^\d{4}-\d{2}-\d{2}/.test(text.trim())) {
    const time = Date.parse(text.trim())
    if (Number.isFinite(time)) return time
  }
  throw new InvalidFilterError(`--since expects a duration (30m, 1h, 2d, 1w) or an ISO date (2026-11-25, 2026-11-25T14:00:00Z); got "${text}"`)
}

/** One predicate for the whole filter, with its constants worked out once (it runs per record). */
export function compileFilter(filter: RecordFilter): (record: LogRecord) => boolean {
  const provider = filter.provider?.toLowerCase()
  const model = filter.model?.toLowerCase()
  const status = filter.status
  // Record times are ISO UTC strings, so comparing strings is comparing times.
  const since = filter.since === undefined ? undefined : new Date(filter.since).toISOString()
  return (record) => {
    if (provider !== undefined && record.provider?.toLowerCase() !== provider) return false
    if (model !== undefined && !matchesModel(record, model)) return false
    if (status && !status(record)) return false
    if (since !== undefined && record.time < since) return false
    return true
  }
}

function matchesModel(record: LogRecord, model: string): boolean {
  return (
    record.model?.toLowerCase() === model ||
    record.providerModel?.toLowerCase() === model ||
    (record.provider !== null && `${record.provider}/${record.providerModel}`.toLowerCase() === model)
  )
}

export function isEmptyFilter(filter: RecordFilter): boolean {
  return filter.model === undefined && filter.provider === undefined && filter.status === undefined && filter.since === undefined
}
