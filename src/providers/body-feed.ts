/**
 * A response body consumed through a BodySink: natively when the response
 * offers it (the HTTP upstream client feeds chunks straight from the
 * connection), else adapted from its `body` stream, so every provider's
 * response can be relayed the same way.
 */
import { Readable } from 'node:stream'
import type { BodyFeed, BodySink, UpstreamResponse } from './types.js'

export function consumeBody(upstream: UpstreamResponse, sink: BodySink): BodyFeed {
  return upstream.consume ? upstream.consume(sink) : feedFromReadable(upstream.body, sink)
}

/** A Readable's data, end and error into `sink`; aborting destroys it (which stops whatever feeds it). */
export function feedFromReadable(body: Readable, sink: BodySink): BodyFeed {
  let open = true
  // The listeners stay attached after an abort (a late 'error' must still find one); `open` silences them.
  body.on('data', (chunk: Buffer) => {
    if (open && !sink.chunk(chunk)) body.pause()
  })
  body.once('end', () => {
    if (open) sink.end()
  })
  body.on('error', (error: Error) => {
    if (open) sink.error(error)
  })
  return {
    resume: () => {
      if (open && body.isPaused()) body.resume()
    },
    abort: () => {
      open = false
      body.destroy()
    },
  }
}

/** A Readable over a body consumed through a sink, for callers that want a stream. */
export function readableFrom(consume: (sink: BodySink) => BodyFeed): Readable {
  let feed: BodyFeed | undefined
  const readable = new Readable({
    read: () => feed?.resume(),
    // Destroyed before the end: the reader went away, so stop the upstream too.
    destroy: (error, callback) => {
      feed?.abort()
      callback(error)
    },
  })
  feed = consume({
    chunk: (chunk) => readable.push(chunk),
    end: () => readable.push(null),
    error: (error) => readable.destroy(error),
  })
  return readable
}
