/** What the gateway takes in and gives back, independent of HTTP framework. */
import type { ClientFormatName } from '../ir/types.js'

export interface InboundRequest {
  format: ClientFormatName
  /** The endpoint path as the log records it, e.g. `/v1/chat/completions`. */
  endpoint: string
  /** What the client asked for at that endpoint. */
  operation: 'chat' | 'count_tokens'
  /** The parsed JSON body (untrusted until validated). */
  body: unknown
  /** The body exactly as received, for byte-faithful passthrough. */
  rawBody: string
  /** Lower-case request headers. */
  headers: Record<string, string>
  /** Aborts when the client goes away. */
  signal: AbortSignal
  /**
   * The controller behind `signal`, when the caller lets the gateway abort the
   * request itself (shutdown): the hot gateway then uses it rather than
   * chaining a controller of its own to every request.
   */
  controller?: AbortController
  origin?: 'server' | 'cli'
  /** Set when the body could not be read or parsed: the gateway answers with it (and logs it). */
  bodyError?: import('../ir/errors.js').GatewayError
}

export interface GatewayResponse {
  status: number
  headers: Record<string, string>
  /** A whole body, or a stream of chunks forwarded as they come. */
  body: string | AsyncIterable<string | Uint8Array>
}
