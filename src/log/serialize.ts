/**
 * A record on disk: one JSON object per line, metadata first and the two
 * (possibly large) bodies last. The order is what lets the reader skip the
 * bodies cheaply: everything before `,"request":` is the metadata.
 */
import type { LogRecord } from './record.js'

/** Where the bodies start in a line. A quote inside a JSON string is escaped, so this cannot occur earlier. */
export const BODIES_MARKER = ',"request":'

/** One line (no trailing newline). `bodies: false` keeps metadata only. */
export function serializeRecord(record: LogRecord, bodies: boolean): string {
  const head = JSON.stringify(metadataOf(record))
  const requestJSON = bodies ? bodyJSON(record.request, record.requestText) : 'null'
  const responseJSON = bodies ? bodyJSON(record.response, record.responseText) : 'null'
  return `${head.slice(0, -1)}${BODIES_MARKER}${requestJSON},"response":${responseJSON}}`
}

/**
 * Every field but the bodies, the id first (a lookup by id matches lines before
 * parsing them). Spelled out rather than copied with a rest pattern: half the
 * cost, and a new LogRecord field has to be added here on purpose.
 */
function metadataOf(r: LogRecord) {
  return {
    id: r.id,
    time: r.time,
    format: r.format,
    endpoint: r.endpoint,
    model: r.model,
    provider: r.provider,
    providerModel: r.providerModel,
    stream: r.stream,
    status: r.status,
    latencyMs: r.latencyMs,
    ttftMs: r.ttftMs,
    usage: r.usage,
    costUsd: r.costUsd,
    attempts: r.attempts,
    error: r.error,
    client: r.client,
    // Optional: JSON.stringify leaves them out when undefined.
    origin: r.origin,
    cancelled: r.cancelled,
  }
}

/**
 * A body as JSON for the line: its text as received when there is one (no
 * second serialization, and byte-faithful), else serialized. Raw CR/LF in JSON
 * text can only be whitespace between tokens (a string may not contain them),
 * so turning them into spaces keeps it one line and the same JSON.
 */
function bodyJSON(value: unknown, text: string | undefined): string {
  if (typeof text === 'string' && looksLikeJSONText(text)) {
    return text.includes('\n') || text.includes('\r') ? text.replace(/[\r\n]/g, ' ') : text
  }
  return JSON.stringify(value) ?? 'null'
}

/** A cheap guard against a text that is not one JSON object or array (an empty body, say). */
function looksLikeJSONText(text: string): boolean {
  const first = text.trimStart()[0]
  const last = text.trimEnd().at(-1)
  return (first === '{' && last === '}') || (first === '[' && last === ']')
}

/** A whole record from a line; null when the line is torn or not JSON. */
export function parseRecord(line: string): LogRecord | null {
  try {
    const value = JSON.parse(line) as unknown
    return isRecord(value) ? value : null
  } catch {
    return null
  }
}

/**
 * The metadata of a line without parsing its bodies (request and response come
 * back null). Falls back to a full parse for lines written in another order.
 */
export function parseRecordMeta(line: string): LogRecord | null {
  const cut = line.indexOf(BODIES_MARKER)
  if (cut > 0) {
    try {
      const value = JSON.parse(`${line.slice(0, cut)}}`) as LogRecord
      if (isRecord(value)) {
        value.request = null
        value.response = null
        return value
      }
    } catch {
      // not our layout: parse it whole below
    }
  }
  return parseRecord(line)
}

function isRecord(value: unknown): value is LogRecord {
  return typeof value === 'object' && value !== null && typeof (value as LogRecord).id === 'string' && typeof (value as LogRecord).time === 'string'
}
