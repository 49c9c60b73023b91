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
 * stream's tail is kept for the checks at its end.
 */
import { Readable } from 'node:stream'
import type { ProviderFormat } from '../formats/types.js'
import type { GatewayError } from '../ir/errors.js'
import { networkError } from '../providers/http/upstream-client.js'
import type { UpstreamResponse } from '../providers/types.js'
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
  const source = upstream.body
  const tail = new StreamTail()
  let settled = false

  const settle = (completed: boolean, failure?: GatewayError) => {
    if (settled) return
    settled = true
    source.off('data', onData)
    source.destroy()
    hooks.onSettled({ completed, failure })
  }

  const out = new Readable({
    // The client is ready for more: let the upstream flow again.
    read: () => {
      if (source.isPaused()) source.resume()
    },
    // Destroyed before the upstream finished: the client went away.
    destroy: (error, callback) => {
      settle(false)
      callback(error)
    },
  })

  const onData = (chunk: Buffer) => {
    trace.firstByte()
    tail.push(chunk)
    const more = out.push(chunk)
    hooks.onChunk(chunk)
    if (!more) source.pause()
  }
  source.on('data', onData)

  source.once('end', () => {
    if (settled) return
    // Never a silently truncated stream: an upstream that stopped short gets the client an error event.
    const failure = incompleteStream(format, target.provider.name, tail, () => hooks.decodedError())
    if (failure) out.push(frameBoundary(tail.chunks) + client.renderStreamError(failure))
    out.push(null)
    settle(true, failure)
  })

  source.on('error', (error) => {
    if (settled) return
    // The gateway stopped the request (shutdown): tell the client why.
    const stoppedBy = gatewayAbortReason(context.signal)
    if (stoppedBy && !endsWithTerminal(format, tail.chunks)) {
      out.push(frameBoundary(tail.chunks) + client.renderStreamError(stoppedBy))
      out.push(null)
      return settle(false, stoppedBy)
    }
    const failure = networkError(error, target.provider.name, '', target.provider.config.timeouts)
    if (failure.kind === 'cancelled') {
      out.push(null)
      return settle(false, failure)
    }
    // The connection failed after the stream's final event: the client has its whole answer.
    if (endsWithTerminal(format, tail.chunks)) {
      out.push(null)
      return settle(true)
    }
    out.push(frameBoundary(tail.chunks) + client.renderStreamError(failure))
    out.push(null)
    settle(false, failure)
  })

  return out
}
