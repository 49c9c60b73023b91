/**
 * POST /v1/chat/completions, /v1/messages, /v1/messages/count_tokens: read the
 * body, hand it to the gateway, send what it answers. No format logic here.
 */
import type { IncomingHttpHeaders } from 'node:http'
import type { H3Event } from 'h3'
import type { Gateway } from '../../gateway/create-gateway.js'
import type { InboundRequest } from '../../gateway/types.js'
import { GatewayError } from '../../ir/errors.js'
import type { ClientFormatName } from '../../ir/types.js'
import { readBodyText } from '../read-body.js'
import { toHTTPResponse } from '../web-response.js'

export function headerRecord(event: H3Event): Record<string, string> {
  const node = event.runtime?.node?.req?.headers as IncomingHttpHeaders | undefined
  const out: Record<string, string> = {}
  if (node) {
    for (const [key, value] of Object.entries(node)) {
      if (value !== undefined) out[key] = Array.isArray(value) ? value.join(', ') : value
    }
  } else {
    event.req.headers.forEach((value, key) => {
      out[key] = value
    })
  }
  return out
}

async function readJson(event: H3Event, limit: number): Promise<Pick<InboundRequest, 'body' | 'rawBody' | 'bodyError'>> {
  let rawBody: string
  try {
    rawBody = await readBodyText(event, limit)
  } catch (error) {
    const bodyError = error instanceof GatewayError ? error : new GatewayError('invalid_request', 'The request body could not be read')
    return { body: undefined, rawBody: '', bodyError }
  }
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

export function proxyRoute(gateway: Gateway, format: ClientFormatName, operation: InboundRequest['operation'], endpoint: string) {
  return async (event: H3Event) => {
    const body = await readJson(event, gateway.config.server.bodyLimit)
    const response = await gateway.handle({
      format,
      operation,
      endpoint,
      ...body,
      headers: headerRecord(event),
      signal: event.req.signal,
      origin: 'server',
    })
    return toHTTPResponse(response)
  }
}
