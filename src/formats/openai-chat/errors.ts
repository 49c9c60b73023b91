/**
 * Gateway errors in OpenAI's envelope, `{"error":{"message","type","param","code"}}`,
 * with the types OpenAI itself sends, so SDK error classes and retry logic
 * (keyed on status) and code checks (keyed on `code`) behave as with OpenAI.
 */
import type { ErrorKind, GatewayError } from '../../ir/errors.js'
import { sseFrame } from '../../util/sse.js'
import { isObject } from './check.js'
import type { OpenAIErrorBody } from './wire-types.js'

function errorType(kind: ErrorKind): string {
  switch (kind) {
    case 'authentication':
      return 'authentication_error'
    case 'permission':
      return 'permission_error'
    case 'billing':
      return 'insufficient_quota'
    // OpenAI's 429 body says which limit was hit ("requests" or "tokens") with code rate_limit_exceeded.
    case 'rate_limit':
      return 'requests'
    case 'api_error':
    case 'bad_gateway':
    case 'overloaded':
    case 'timeout':
      return 'server_error'
    case 'invalid_request':
    case 'not_found':
    case 'method_not_allowed':
    case 'conflict':
    case 'request_too_large':
    case 'unprocessable':
    case 'cancelled':
      return 'invalid_request_error'
  }
}

/** 529 is Anthropic's; OpenAI says "overloaded" with 503, and HTTP tooling knows 503. */
function statusFor(error: GatewayError): number {
  return error.status === 529 ? 503 : error.status
}

/** The upstream's own OpenAI-format error body, when there is one to relay verbatim. */
function upstreamEnvelope(error: GatewayError): OpenAIErrorBody | undefined {
  if (error.upstreamFormat !== 'openai' || !error.upstreamBody) return undefined
  try {
    const body = JSON.parse(error.upstreamBody) as unknown
    if (isObject(body) && isObject(body.error) && typeof body.error.message === 'string') return body as unknown as OpenAIErrorBody
  } catch {
    // Not JSON: fall back to the gateway's own rendering.
  }
  return undefined
}

export function errorBody(error: GatewayError): OpenAIErrorBody {
  const type = error.upstreamFormat === 'openai' && error.upstreamType ? error.upstreamType : errorType(error.kind)
  const code = error.code ?? (error.kind === 'rate_limit' ? 'rate_limit_exceeded' : null)
  return { error: { message: error.message, type, param: error.param ?? null, code } }
}

export function renderError(error: GatewayError): { status: number; body: OpenAIErrorBody } {
  return { status: statusFor(error), body: upstreamEnvelope(error) ?? errorBody(error) }
}

/** Chat Completions streams have no event names: an error is a `data:` line with an `error` key. */
export function renderStreamError(error: GatewayError): string {
  return sseFrame(JSON.stringify(upstreamEnvelope(error) ?? errorBody(error)))
}
