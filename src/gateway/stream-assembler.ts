/**
 * A passthrough stream decoded as it is relayed, chunk by chunk: the traffic
 * log's assembled response, and the verdict on a stream that stopped short of
 * its final frame (its own error event, or the decoder's at the end). Decoding
 * alongside costs the same as decoding everything at the end, but spread out,
 * so streams ending together do not stall the event loop (and every other
 * stream's next chunk) with a burst of decoding; and since the verdict comes
 * from here, the relay keeps only the stream's tail, not every chunk.
 */
import type { ClientFormat, ProviderFormat, StreamDecoder } from '../formats/types.js'
import { ResponseAccumulator } from '../ir/accumulate.js'
import type { GatewayError } from '../ir/errors.js'
import type { IRResponse, StreamEvent } from '../ir/types.js'
import { SSEParser } from '../util/sse.js'

export class StreamAssembler {
  private readonly parser = new SSEParser()
  private readonly decoder: StreamDecoder
  private readonly accumulator = new ResponseAccumulator()
  /** The first error event the stream carried (what a replay of it would find first). */
  private firstError: GatewayError | undefined
  /** The parser's last message has been decoded (it is flushed once, at the end). */
  private flushed = false
  /** A decoding failure: never the client's problem, it surfaces when the record is built. */
  private broken: unknown

  constructor(format: ProviderFormat) {
    this.decoder = format.createStreamDecoder()
  }

  push(chunk: Uint8Array): void {
    if (this.broken !== undefined) return
    try {
      for (const message of this.parser.push(chunk)) this.take(this.decoder.decode(message))
    } catch (error) {
      this.broken = error
    }
  }

  /**
   * For a stream that ended without its final frame: the error that explains
   * it — one the stream carried, else the decoder's verdict on its end —
   * or undefined when the stream is a complete answer after all. Call once,
   * after the last chunk.
   */
  endError(): GatewayError | undefined {
    if (this.broken !== undefined) return undefined
    try {
      this.flush()
      // The decoder's verdict is looked at, not logged: the record shows what the stream carried.
      return this.firstError ?? errorIn(this.decoder.end())
    } catch (error) {
      this.broken = error
      return undefined
    }
  }

  /** The whole reply, for the log (throws what broke the decoding, if anything did). */
  result(client: ClientFormat, model: string): { ir: IRResponse; error: GatewayError | undefined; response: unknown } {
    if (this.broken !== undefined) throw this.broken
    this.flush()
    const ir = this.accumulator.result()
    return { ir, error: this.accumulator.error, response: client.responseFromIR(ir, { model: ir.model || model }) }
  }

  private flush(): void {
    if (this.flushed) return
    this.flushed = true
    for (const message of this.parser.end()) this.take(this.decoder.decode(message))
  }

  private take(events: StreamEvent[]): void {
    for (const event of events) {
      if (event.type === 'error') this.firstError ??= event.error
      this.accumulator.push(event)
    }
  }
}

function errorIn(events: StreamEvent[]): GatewayError | undefined {
  const found = events.find((event) => event.type === 'error')
  return found?.type === 'error' ? found.error : undefined
}
