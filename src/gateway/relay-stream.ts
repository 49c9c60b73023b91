/**
 * The passthrough stream: upstream bytes to the client as a Node Readable,
 * each chunk pushed the moment it arrives and kept for the traffic log. A
 * plain stream rather than an async generator: no promise hops per chunk, and
 * the server pipes it to the socket as is (bench/: ~20% less CPU per chunk).
 *
 * How it ends: the upstream finishing (an error event is appended when it
 * stopped short of its format's final frame), the upstream failing (an error
 * event, unless the failure came after the final frame or was our own abort),
 * or the client going away (the upstream request is aborted). `onSettled` runs
 * once, with how; `onChunk` sees every chunk after the client has it. Only the
 * stream's tail is kept for the checks at its end. The upstream body is
 * consumed through a sink (providers/body-feed.ts), not read as a second
 * Readable: its chunks reach `out` straight from the connection's callbacks.
 */
import { Readable } from 'node:stream'
import type { ProviderFormat } from '../formats/types.js'
import type { GatewayError } from '../ir/errors.js'
import { networkError } from '../providers/http/upstream-client.js'
import { consumeBody } from '../providers/body-feed.js'
import type { BodyFeed, UpstreamResponse } from '../providers/types.js'
import type { Target } from '../routing/types.js'
import type { AttemptContext } from './attempt.js'
import { gatewayAbortReason } from './abort-reason.js'
import { endsWithTerminal, frameBoundary, incompleteStream, StreamTail } from './stream-terminal.js'

export interface RelayOutcome {
  /** The upstream's stream ended (properly or not) rather than being cut by the client leaving. */
  completed: boolean
  /** What went wrong upstream, if anything. */
  failure?: GatewayError
}

export interface RelayHooks {
  /** Each chunk, right after it was handed on to the client. */
  onChunk(chunk: Buffer): void
  /**
   * Asked at most once, after the last chunk, when the stream did not end with
   * its final frame: the error the relayed stream decodes to (see
   * StreamAssembler.endError), or undefined when it is complete after all.
   */
  decodedError(): GatewayError | undefined
  /** Once, when the relay ends, however it ends. */
  onSettled(outcome: RelayOutcome): void
}

export function relayStream(context: AttemptContext, target: Target, format: ProviderFormat, upstream: UpstreamResponse, hooks: RelayHooks): Readable {
  const { trace, client } = context
  const tail = new StreamTail()
  let settled = false
  let feed: BodyFeed | undefined

  const settle = (completed: boolean, failure?: GatewayError) => {
    if (settled) return
    settled = true
    feed?.abort()
    hooks.onSettled({ completed, failure })
  }

  const out = new Readable({
    // The client is ready for more: let the upstream flow again.
    read: () => feed?.resume(),
    // Destroyed before the upstream finished: the client went away.
    destroy: (error, callback) => {
      settle(false)
      callback(error)
    },
  })

  /** The last bytes the client gets: an error event (starting a frame of its own), if any, then the end. */
  const close = (failure?: GatewayError) => {
    if (failure) out.push(frameBoundary(tail.chunks) + client.renderStreamError(failure))
    out.push(null)
  }

  // Chunks come straight from the upstream connection (no stream of its own in between): one Readable per relay, not two.
  feed = consumeBody(upstream, {
    chunk: (chunk) => {
      trace.firstByte()
      tail.push(chunk)
      const more = out.push(chunk)
      hooks.onChunk(chunk)
      return more
    },

    end: () => {
      if (settled) return
      // Never a silently truncated stream: an upstream that stopped short gets the client an error event.
      const failure = incompleteStream(format, target.provider.name, tail, () => hooks.decodedError())
      close(failure)
      settle(true, failure)
    },

    error: (error) => {
      if (settled) return
      // The gateway stopped the request (shutdown): tell the client why.
      const stoppedBy = gatewayAbortReason(context.signal)
      if (stoppedBy && !endsWithTerminal(format, tail.chunks)) {
        close(stoppedBy)
        return settle(false, stoppedBy)
      }
      const failure = networkError(error, target.provider.name, '', target.provider.config.timeouts)
      if (failure.kind === 'cancelled') {
        close()
        return settle(false, failure)
      }
      // The connection failed after the stream's final event: the client has its whole answer.
      if (endsWithTerminal(format, tail.chunks)) {
        close()
        return settle(true)
      }
      close(failure)
      settle(false, failure)
    },
  })

  return out
}
