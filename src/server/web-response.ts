/**
 * GatewayResponse -> the response h3 sends. An h3 HTTPResponse (not a web
 * Response) lets srvx write it straight to Node's ServerResponse: whole bodies
 * in one write with a content-length, streamed bodies piped from a Node
 * Readable, each chunk written to the socket as soon as it is yielded. The web
 * Response + ReadableStream route cost ~30 µs more per request (see bench/).
 */
import { Readable } from 'node:stream'
import { HTTPResponse } from 'h3'
import type { GatewayResponse } from '../gateway/types.js'

/**
 * A byte stream over the chunks: a Node stream as it is (the passthrough
 * relay), anything else wrapped. When the client goes away the stream is
 * destroyed, which closes the iterator (the gateway's generators then abort
 * the upstream request and log the cancellation).
 */
export function toNodeStream(chunks: AsyncIterable<string | Uint8Array>): Readable {
  return chunks instanceof Readable ? chunks : Readable.from(chunks, { objectMode: false })
}

export function toHTTPResponse(response: GatewayResponse): HTTPResponse {
  const body = typeof response.body === 'string' ? response.body : toNodeStream(response.body)
  return new HTTPResponse(body, { status: response.status, headers: response.headers })
}

/** The former name, still used by routes/models.ts. */
export const toWebResponse = toHTTPResponse
