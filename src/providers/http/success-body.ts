/**
 * A 2xx status is not always an answer: proxies and captive portals send HTML
 * pages, some servers put an error envelope in a 200, and some answer a
 * stream request with one JSON document. These checks turn such bodies into a
 * clear 502 in the client's format instead of a 200 the client cannot use.
 * They are cheap on normal bodies: a JSON parse only happens when the text
 * mentions "error".
 */
import type { ProviderConfig } from '../../config/types.js'
import type { ProviderFormat } from '../../formats/types.js'
import { GatewayError } from '../../ir/errors.js'
import { scrubSecrets } from './scrub-secrets.js'

/** The provider as these checks need it: its name, and its credentials to mask in what they quote. */
export type ProviderIdentity = Pick<ProviderConfig, 'name' | 'apiKey' | 'apiKeys' | 'headers'>

const SPACE = new Set([' ', '\n', '\r', '\t'])

function firstChar(text: string): string {
  for (let i = 0; i < text.length; i++) if (!SPACE.has(text[i])) return text[i]
  return ''
}

function lastChar(text: string): string {
  for (let i = text.length - 1; i >= 0; i--) if (!SPACE.has(text[i])) return text[i]
  return ''
}

/** `{"error": ...}` (OpenAI, Gemini) or `{"type": "error"}` (Anthropic), with nothing that looks like an answer. */
export function isErrorEnvelope(json: unknown): boolean {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return false
  const body = json as Record<string, unknown>
  if (body.type === 'error') return true
  const hasAnswer = 'choices' in body || 'content' in body || 'candidates' in body
  return body.error !== undefined && body.error !== null && !hasAnswer
}

/** The upstream's error envelope as a 502 carrying its message and type (and its body, for same-format clients). */
function envelopeError(format: ProviderFormat, provider: ProviderIdentity, raw: string, headers: Record<string, string>): GatewayError {
  const text = scrubSecrets(raw, provider)
  const parsed = format.errorFromUpstream(502, text, headers)
  return new GatewayError('bad_gateway', parsed.message, {
    status: 502,
    code: parsed.code,
    upstreamType: parsed.upstreamType,
    provider: provider.name,
    upstreamBody: text,
    upstreamFormat: format.name,
  })
}

function contentType(headers: Record<string, string>): string {
  return (headers['content-type'] ?? '').split(';')[0].trim() || 'no content type'
}

/** The HTML page title, or the first words of a text body: enough to recognise it, never the whole page. */
function glimpse(text: string): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]
  const words = (title ?? text.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim()
  return words.length > 80 ? `${words.slice(0, 80)}…` : words
}

function notJson(provider: ProviderIdentity, text: string, headers: Record<string, string>): GatewayError {
  const seen = glimpse(scrubSecrets(text, provider))
  return new GatewayError(
    'bad_gateway',
    `Provider '${provider.name}' answered with a body that is not JSON (${contentType(headers)}${seen ? `: ${seen}` : ''})`,
    { provider: provider.name, code: 'invalid_upstream_response' },
  )
}

/**
 * The error a 2xx non-stream body really carries: not a JSON object (HTML,
 * text, a truncated document), or an error envelope. Undefined for an answer.
 */
export function errorInSuccessBody(format: ProviderFormat, provider: ProviderIdentity, text: string, headers: Record<string, string>): GatewayError | undefined {
  if (firstChar(text) !== '{' || lastChar(text) !== '}') return notJson(provider, text, headers)
  // An answer only contains the token "error" (quotes included) as a key or a whole value: rare, so parse only then.
  if (!text.includes('"error"')) return undefined
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return notJson(provider, text, headers)
  }
  return isErrorEnvelope(json) ? envelopeError(format, provider, text, headers) : undefined
}

/** A stream request answered with a whole JSON or HTML document: the body is that, not an event stream. */
export function isDocumentAnswer(headers: Record<string, string>): boolean {
  return /json|html/i.test(headers['content-type'] ?? '')
}

/** Why a stream request's document answer is an error: its own error envelope, or no stream at all. */
export function streamAnsweredWithDocument(format: ProviderFormat, provider: ProviderIdentity, text: string, headers: Record<string, string>): GatewayError {
  const error = errorInSuccessBody(format, provider, text, headers)
  if (error && error.code !== 'invalid_upstream_response') return error
  return new GatewayError(
    'bad_gateway',
    `Provider '${provider.name}' answered a stream request with ${contentType(headers)} instead of an event stream${error ? ` (${glimpse(scrubSecrets(text, provider))})` : ''}`,
    { provider: provider.name, code: 'invalid_upstream_response' },
  )
}
