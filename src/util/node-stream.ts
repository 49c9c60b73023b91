/**
 * A response body's chunks as a Node byte stream: a Node stream as it is
 * (the passthrough relay), anything else wrapped. Destroying the wrapper
 * closes the iterator, so the gateway's generators abort their upstream
 * request and log the cancellation when the client goes away.
 */
import { Readable } from 'node:stream'

export function toNodeStream(chunks: AsyncIterable<string | Uint8Array>): Readable {
  return chunks instanceof Readable ? chunks : Readable.from(chunks, { objectMode: false })
}
