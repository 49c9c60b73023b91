/**
 * GatewayResponse -> the response h3 sends. An h3 HTTPResponse (not a web
 * Response) lets srvx write it straight to Node's ServerResponse: whole bodies
 * in one write with a content-length, streamed bodies piped from a Node
 * Readable, each chunk written to the socket as soon as it is yielded. The web
 * Response + ReadableStream route cost ~30 µs more per request (see bench/).
 */
import { HTTPResponse } from 'h3'
import type { GatewayResponse } from '../gateway/types.js'
import { toNodeStream } from '../util/node-stream.js'

export function toHTTPResponse(response: GatewayResponse): HTTPResponse {
  const body = typeof response.body === 'string' ? response.body : toNodeStream(response.body)
  return new HTTPResponse(body, { status: response.status, headers: response.headers })
}
