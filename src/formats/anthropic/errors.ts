/**
 * GatewayError in Anthropic's envelope: `{"type":"error","error":{"type","message"}}`,
 * with Anthropic's status/type table (docs.claude.com/en/api/errors).
 */
import type { ErrorKind, GatewayError } from '../../ir/errors.js'
import { sseFrame } from '../../util/sse.js'
import type { AnthropicErrorBody } from './wire-types.js'

const TYPE_FOR_KIND: Record<ErrorKind, string> = {
  invalid_request: 'invalid_request_error',
  authentication: 'authentication_error',
  billing: 'billing_error',
  permission: 'permission_error',
  not_found: 'not_found_error',
  // Anthropic uses invalid_request_error for 4XX codes it has no own type for.
  method_not_allowed: 'invalid_request_error',
  conflict: 'invalid_request_error',
  unprocessable: 'invalid_request_error',
  request_too_large: 'request_too_large',
  rate_limit: 'rate_limit_error',
  timeout: 'timeout_error',
  api_error: 'api_error',
  bad_gateway: 'api_error',
  overloaded: 'overloaded_error',
  cancelled: 'api_error',
}

/** Anthropic's error type for an error; the upstream's own type wins when it came from Anthropic. */
export function anthropicErrorType(error: GatewayError): string {
  if (error.upstreamFormat === 'anthropic' && error.upstreamType) return error.upstreamType
  return TYPE_FOR_KIND[error.kind] ?? 'api_error'
}

/** Anthropic signals "overloaded" with 529, never 503. */
export function anthropicStatus(error: GatewayError): number {
  return error.status === 503 ? 529 : error.status
}

export function errorBody(error: GatewayError): AnthropicErrorBody {
  return { type: 'error', error: { type: anthropicErrorType(error), message: error.message } }
}

/** An Anthropic upstream's own error body, when it is a well-formed envelope: passed on verbatim. */
function upstreamEnvelope(error: GatewayError): unknown {
  if (error.upstreamFormat !== 'anthropic' || !error.upstreamBody) return undefined
  try {
    const body = JSON.parse(error.upstreamBody) as Partial<AnthropicErrorBody>
    if (body?.type === 'error' && typeof body.error?.type === 'string' && typeof body.error.message === 'string') return body
  } catch {
    // not JSON: render our own envelope
  }
  return undefined
}

export function renderError(error: GatewayError): { status: number; body: unknown } {
  return { status: anthropicStatus(error), body: upstreamEnvelope(error) ?? errorBody(error) }
}

export function renderStreamError(error: GatewayError): string {
  return sseFrame(JSON.stringify(errorBody(error)), 'error')
}
