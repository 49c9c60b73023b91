/**
 * Defence in depth for the traffic log. The record never carries auth headers,
 * but a key can still surface in a body, an error message or an upstream URL
 * (Gemini takes `?key=`), so every serialized line is scrubbed before it is
 * written: any configured secret becomes "[redacted]" and key-like query
 * parameters are dropped from URLs.
 *
 * Working on the serialized line keeps this to a few substring searches per
 * record instead of a walk over every body.
 */

export const REDACTED = '[redacted]'

/** Secrets shorter than this are not searched for: they would match ordinary text. */
const MIN_SECRET_LENGTH = 6

/** What every key-like query parameter contains; only searched for in lines with an '=' at all. */
const KEY_HINT = /(?:key|token)=/i
const URL_IN_TEXT = /https?:\/\/[^\s"'<>\\]+/g
const KEY_PARAM = /([?&])(?:key|api_key|apikey|api-key|access_token|token)=[^&#]*(&?)/gi

/** Drop key-like query parameters from one URL, keeping the others. */
export function stripKeyParams(url: string): string {
  return url.replace(KEY_PARAM, (_match, separator: string, next: string) => (next ? separator : '')).replace(/[?&]$/, '')
}

/** How a secret looks inside a JSON string (quotes and backslashes escaped). */
function jsonForm(secret: string): string {
  return JSON.stringify(secret).slice(1, -1)
}

const NUMBER_LIKE = /^[\d.eE+-]+$/

function redactStrings(value: unknown, secrets: string[]): unknown {
  if (typeof value === 'string') return secrets.reduce((text, secret) => text.split(secret).join(REDACTED), value)
  if (Array.isArray(value)) return value.map((item) => redactStrings(item, secrets))
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) out[key] = redactStrings(item, secrets)
    return out
  }
  return value
}

export type Redactor = (line: string) => string

/**
 * A scrubber for serialized record lines. Secrets are matched as substrings so
 * `Bearer sk-...` or a key inside an error message are caught too.
 */
export function createRedactor(secrets: Iterable<string>): Redactor {
  const usable = [...new Set([...secrets])].filter((s) => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH)
  // Longest first, so a key that contains another is replaced whole.
  const forms = usable.filter((s) => !NUMBER_LIKE.test(s)).map(jsonForm).sort((a, b) => b.length - a.length)
  // A digits-only secret could also match inside a JSON number: those are replaced value by value.
  const numberLike = usable.filter((s) => NUMBER_LIKE.test(s))
  // "Anything to do?" for the usual line with no secret and no URL key, in two cheap passes. The key hint is
  // not an alternative in the secrets' pattern: a case-insensitive `key|token` there keeps V8 from skipping
  // ahead, ~5x the time on a 3 KB log line; a line without '=' cannot hold a key parameter.
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const searched = [...forms, ...numberLike]
  const anySecret = searched.length > 0 ? new RegExp(searched.map(escape).join('|'), 'i') : undefined
  const mayHaveSecret = (line: string) => anySecret !== undefined && anySecret.test(line)
  const mayHaveKeyParam = (line: string) => line.includes('=') && KEY_HINT.test(line)
  return (line) => {
    if (!mayHaveSecret(line) && !mayHaveKeyParam(line)) return line
    let out = line
    for (const form of forms) {
      if (out.includes(form)) out = out.split(form).join(REDACTED)
    }
    if (numberLike.some((secret) => out.includes(secret))) out = JSON.stringify(redactStrings(JSON.parse(out), numberLike))
    if (/[?&](?:key|api_key|apikey|api-key|access_token|token)=/i.test(out)) {
      out = out.replace(URL_IN_TEXT, stripKeyParams)
    }
    return out
  }
}
