/**
 * The parts of an InboundRequest both server paths (the h3 route and the fast
 * lane) build the same way: the body as JSON plus its raw text, and the
 * headers as a plain record.
 */
import type { IncomingHttpHeaders } from 'node:http'
import type { InboundRequest } from '../gateway/types.js'
import { GatewayError } from '../ir/errors.js'

export type InboundBody = Pick<InboundRequest, 'body' | 'rawBody' | 'bodyError'>

/** The body text, parsed; a body that could not be read or parsed becomes `bodyError` (the gateway answers with it). */
export function inboundBody(text: Promise<string>): Promise<InboundBody> {
  return text.then(parseBody, (error: unknown) => {
    const bodyError = error instanceof GatewayError ? error : new GatewayError('invalid_request', 'The request body could not be read')
    return { body: undefined, rawBody: '', bodyError }
  })
}

function parseBody(rawBody: string): InboundBody {
  try {
    return { body: JSON.parse(rawBody), rawBody }
  } catch {
    const bodyError = new GatewayError(
      'invalid_request',
      rawBody.trim() === ''
        ? 'The request body is empty: send a JSON object (Content-Type: application/json)'
        : 'The request body is not valid JSON',
      { code: 'invalid_json' },
    )
    return { body: undefined, rawBody, bodyError }
  }
}

/** Node's request headers as lower-case name -> value (repeated ones joined, as web Headers would). */
export function nodeHeaderRecord(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {}
  for (const key in headers) {
    const value = headers[key]
    if (value !== undefined) out[key] = Array.isArray(value) ? value.join(', ') : value
  }
  return out
}
