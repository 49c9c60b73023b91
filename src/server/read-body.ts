/**
 * Reads a request body as text with a size limit, straight from Node's stream
 * when there is one (cheaper than the web stream wrapper), so oversized bodies
 * are refused with 413 before they are buffered whole.
 */
import type { IncomingMessage } from 'node:http'
import type { H3Event } from 'h3'
import { GatewayError } from '../ir/errors.js'

function tooLarge(limit: number): GatewayError {
  return new GatewayError('request_too_large', `Request body exceeds the gateway's limit of ${limit} bytes (server.bodyLimit)`)
}

export async function readBodyText(event: H3Event, limit: number): Promise<string> {
  const declared = Number(event.req.headers.get('content-length') ?? '0')
  if (declared > limit) throw tooLarge(limit)
  const node = event.runtime?.node?.req as IncomingMessage | undefined
  if (!node) {
    const text = await event.req.text()
    if (Buffer.byteLength(text) > limit) throw tooLarge(limit)
    return text
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of node) {
    size += (chunk as Buffer).length
    if (size > limit) throw tooLarge(limit)
    chunks.push(chunk as Buffer)
  }
  return chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8')
}
