/**
 * POST /v1/chat/completions, /v1/messages, /v1/messages/count_tokens: read the
 * body, hand it to the gateway, send what it answers. No format logic here.
 * The server answers these in its fast lane (../fast-lane.ts); this h3 route
 * serves the requests the lane passes on.
 */
import type { IncomingHttpHeaders } from 'node:http'
import type { H3Event } from 'h3'
import type { Gateway } from '../../gateway/create-gateway.js'
import { headerRecord } from '../../util/header-record.js'
import { inboundBody } from '../inbound-body.js'
import type { ProxyRoute } from '../proxy-routes.js'
import { readBodyText } from '../read-body.js'
import { toHTTPResponse } from '../web-response.js'

/** The request's headers as a record: Node's when the event has them, else the web Headers'. */
function eventHeaders(event: H3Event): Record<string, string> {
  const node = event.runtime?.node?.req?.headers as IncomingHttpHeaders | undefined
  if (node) return headerRecord(node)
  const out: Record<string, string> = {}
  event.req.headers.forEach((value, key) => {
    out[key] = value
  })
  return out
}

export function proxyRoute(gateway: Gateway, route: ProxyRoute) {
  return async (event: H3Event) => {
    const body = await inboundBody(readBodyText(event, gateway.config.server.bodyLimit))
    const response = await gateway.handle({
      format: route.format,
      operation: route.operation,
      endpoint: route.endpoint,
      ...body,
      headers: eventHeaders(event),
      signal: event.req.signal,
      origin: 'server',
    })
    return toHTTPResponse(response)
  }
}
