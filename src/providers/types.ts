/**
 * A configured provider as the gateway calls it. HTTP providers speak one wire
 * format and support the same-format passthrough (`forward`); every provider
 * answers IR requests (`generate` / `stream`), which is how translation and the
 * offline mock work.
 */
import type { Readable } from 'node:stream'
import type { ProviderConfig } from '../config/types.js'
import type { IRRequest, IRResponse, StreamEvent, WireFormatName } from '../ir/types.js'

/** Which upstream operation a passthrough call is for. */
export type ForwardOperation = 'chat' | 'count_tokens'

export interface UpstreamResponse {
  status: number
  /** Lower-case header names. */
  headers: Record<string, string>
  body: Readable
  /**
   * The body handed chunk by chunk to `sink`, with no stream in between (the
   * relay's per-chunk path). Optional: consumeBody() adapts `body` for any
   * response without it. A body is read once, through `body` or this.
   */
  consume?(sink: BodySink): BodyFeed
}

/** What a body is consumed into, chunk by chunk; calls never come after the feed was aborted. */
export interface BodySink {
  /** A chunk of the body; false asks the feed to pause until resume(). */
  chunk(chunk: Buffer): boolean
  /** The whole body arrived. */
  end(): void
  /** The body broke off (connection failure, timeout, our own abort). */
  error(error: Error): void
}

/** The consumer's side of a body being consumed. */
export interface BodyFeed {
  /** Ready for more after chunk() returned false. */
  resume(): void
  /** The consumer is gone: stop the upstream (unless it already finished); nothing more reaches the sink. */
  abort(): void
}

export interface ForwardRequest {
  operation: ForwardOperation
  /** Provider-side model id (already written into `body`). */
  model: string
  /** The client's body, with only the model rewritten. */
  body: string
  stream: boolean
  /** The client's request headers (lower-case); providers pick what they forward. */
  clientHeaders: Record<string, string>
  signal: AbortSignal
}

export interface CallOptions {
  /** Provider-side model id. */
  model: string
  clientHeaders: Record<string, string>
  signal: AbortSignal
}

export interface Provider {
  readonly name: string
  readonly config: ProviderConfig
  /** The wire format spoken upstream; undefined for providers that answer in IR (mock). */
  readonly format?: WireFormatName
  /** Same-format passthrough. Resolves once the upstream has answered with headers. */
  forward?(request: ForwardRequest): Promise<UpstreamResponse>
  /** Translated non-stream call. Throws GatewayError for upstream failures. */
  generate(request: IRRequest, options: CallOptions): Promise<IRResponse>
  /**
   * Translated stream. Resolves once the upstream accepted the request (so a
   * failure before any event can still fall back); failures after that arrive
   * as `error` events.
   */
  stream(request: IRRequest, options: CallOptions): Promise<AsyncIterable<StreamEvent>>
  /** The provider's own model list (GET /models), when it has one. */
  listModels?(signal?: AbortSignal): Promise<string[]>
  /** Release pooled connections. */
  close?(): Promise<void>
}
