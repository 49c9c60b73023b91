/**
 * A GatewayResponse written straight to Node's ServerResponse, on the wire
 * exactly as the h3 route sends it (same status line, headers in the same
 * order, same framing) at a fraction of the cost: no web Headers or Response
 * objects in between. A whole body goes out with its content-length in one
 * end(); a stream is piped chunk by chunk, each written the moment it comes,
 * with backpressure, and destroyed when the client goes away.
 */
import type { ServerResponse } from 'node:http'
import type { Readable } from 'node:stream'
import type { GatewayResponse } from '../gateway/types.js'
import { toNodeStream } from '../util/node-stream.js'

/** Statuses whose responses carry no body (as h3 treats them). */
const NO_BODY = new Set([100, 101, 102, 204, 205, 304])

/** Name, value, name, value ... lower-case and sorted by name, as web Headers iterate (and so as h3 sent them). */
function headerList(headers: Record<string, string>): string[] {
  const names = Object.keys(headers).sort()
  const list: string[] = []
  for (const name of names) list.push(name.toLowerCase(), headers[name])
  return list
}

export function sendResponse(res: ServerResponse, response: GatewayResponse): void {
  const { status, headers, body } = response
  if (typeof body !== 'string') return pipeBody(res, status, headers, toNodeStream(body))
  if (NO_BODY.has(status)) {
    res.writeHead(status, '', headerList(headers))
    res.end()
    return
  }
  const list = headerList(headers)
  if (!('content-type' in headers)) list.push('content-type', 'text/plain; charset=UTF-8')
  if (!('content-length' in headers)) list.push('content-length', String(Buffer.byteLength(body)))
  res.writeHead(status, '', list)
  if (body === '') res.end()
  else res.end(body)
}

/**
 * The head goes out with the first chunk (or the end): a stream that fails
 * before producing anything still gets a proper 500 instead of a cut 200.
 */
function pipeBody(res: ServerResponse, status: number, headers: Record<string, string>, stream: Readable): void {
  if (res.destroyed || NO_BODY.has(status)) {
    stream.destroy()
    if (!res.destroyed) {
      res.writeHead(status, '', headerList(headers))
      res.end()
    }
    return
  }
  const cleanup = () => {
    stream.off('error', onEarlyError)
    stream.off('readable', onReadable)
    stream.off('end', onEnd)
    res.off('close', onClose)
  }
  const onEarlyError = () => {
    cleanup()
    stream.destroy()
    res.writeHead(500, 'Internal Server Error', [])
    res.end()
  }
  const onReadable = () => {
    cleanup()
    if (res.destroyed) return void stream.destroy()
    res.writeHead(status, '', headerList(headers))
    relay(stream, res)
  }
  const onEnd = () => {
    cleanup()
    if (res.destroyed) return
    res.writeHead(status, '', headerList(headers))
    res.end()
  }
  const onClose = () => {
    cleanup()
    stream.destroy()
  }
  stream.once('error', onEarlyError)
  stream.once('readable', onReadable)
  stream.once('end', onEnd)
  res.once('close', onClose)
}

/** Chunks to the client as they come; the stream is destroyed if the client leaves first, the response if the stream fails. */
function relay(stream: Readable, res: ServerResponse): void {
  stream.pipe(res)
  stream.once('error', () => res.destroy())
  res.once('close', () => {
    if (!stream.readableEnded) stream.destroy()
  })
}
