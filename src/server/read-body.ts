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
  const node = event.runtime?.node?.req as IncomingMessage | undefined
  if (node) return readNodeBodyText(node, limit)
  const declared = Number(event.req.headers.get('content-length') ?? '0')
  if (declared > limit) throw tooLarge(limit)
  const text = await event.req.text()
  if (Buffer.byteLength(text) > limit) throw tooLarge(limit)
  return text
}

/** The same, from Node's request itself. */
export function readNodeBodyText(node: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(node.headers['content-length'] ?? '0')
  if (declared > limit) return Promise.reject(tooLarge(limit))
  return readNodeBody(node, limit)
}

/**
 * Collect the body, refusing it once it passes the limit. The rest of an
 * oversized body is drained, not destroyed: destroying the request leaves the
 * keep-alive connection out of step (the next bytes parse as a bad request),
 * while draining lets the client read its 413 and reuse the connection.
 */
function readNodeBody(node: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const cleanup = () => {
      node.off('data', onData)
      node.off('end', onEnd)
      node.off('error', onError)
      node.off('close', onClose)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) {
        chunks.push(chunk)
        return
      }
      cleanup()
      chunks.length = 0
      node.resume()
      reject(tooLarge(limit))
    }
    const onEnd = () => {
      cleanup()
      resolve(chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8'))
    }
    // The client hung up mid-upload (Node reports it as an `aborted` error, or just closes).
    const hungUp = () => new GatewayError('cancelled', 'The client disconnected while sending the request')
    const onError = (error: Error & { code?: string }) => {
      cleanup()
      reject(error.code === 'ECONNRESET' || error.message === 'aborted' ? hungUp() : error)
    }
    const onClose = () => {
      cleanup()
      reject(hungUp())
    }
    node.on('data', onData)
    node.on('end', onEnd)
    node.on('error', onError)
    node.on('close', onClose)
  })
}
