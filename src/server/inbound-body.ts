/**
 * The part of an InboundRequest both server paths (the h3 route and the fast
 * lane) build the same way: the body as JSON plus its raw text.
 */
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
