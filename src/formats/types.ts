/**
 * The contracts each wire format folder implements. A client format is what a
 * caller speaks to the gateway; a provider format is what the gateway speaks
 * upstream. OpenAI chat and Anthropic messages are both; Gemini is provider-only.
 */
import type { GatewayError } from '../ir/errors.js'
import type { IRRequest, IRResponse, StreamEvent } from '../ir/types.js'

/** One parsed Server-Sent Events message. */
export interface SSEMessage {
  event?: string
  data: string
  id?: string
}

export interface EncodeContext {
  /** The model name to report to the client. */
  model: string
  /** OpenAI `stream_options.include_usage`: send a final usage chunk. */
  includeUsage?: boolean
}

/** Turns IR stream events into the client's SSE text, incrementally. */
export interface StreamEncoder {
  /** SSE text for one IR event ('' when the event produces nothing yet). */
  encode(event: StreamEvent): string
  /** Terminal text after the last event (e.g. `data: [DONE]`). */
  end(): string
}

export interface ClientFormat {
  readonly name: 'openai' | 'anthropic'
  /**
   * Check the request body and return it as IR. Throws GatewayError
   * ('invalid_request', with `param`) on anything malformed.
   */
  parseRequest(body: unknown): IRRequest
  /**
   * The cheap structural check the fast path runs instead of a full parse
   * (the body is forwarded, not translated). Throws like parseRequest.
   */
  validateRequest(body: unknown): void
  responseFromIR(response: IRResponse, context: EncodeContext): unknown
  createStreamEncoder(context: EncodeContext): StreamEncoder
  /** HTTP status and body of an error in this format's envelope. */
  renderError(error: GatewayError): { status: number; body: unknown }
  /** The in-stream error event, for errors after the stream has started. */
  renderStreamError(error: GatewayError): string
}

/** Turns a provider's stream messages into IR events, incrementally. */
export interface StreamDecoder {
  decode(message: SSEMessage): StreamEvent[]
  /**
   * Called when the upstream stream ends. Returns an `error` event when the
   * stream ended without its terminal event, else nothing.
   */
  end(): StreamEvent[]
}

/**
 * Differences between OpenAI-compatible services, folded in when building
 * their requests. Presets (src/providers/presets.ts) set them per service.
 */
export interface OpenAIQuirks {
  /** The service rejects `stream_options` (so usage may be missing from streams). */
  noStreamOptions?: boolean
  /** The service rejects `parallel_tool_calls`. */
  noParallelToolCalls?: boolean
  /** Send max tokens as `max_completion_tokens` instead of `max_tokens`. */
  maxCompletionTokens?: boolean
  /** Send earlier turns' thinking back as `reasoning_content` (DeepSeek tool turns need it). */
  reasoningContentInput?: boolean
  /** The service does not understand `reasoning_effort`. */
  noReasoningEffort?: boolean
}

export interface ProviderRequestOptions {
  /** The provider-side model id. */
  model: string
  /** Default max output tokens when the request has none and the format needs one. */
  defaultMaxTokens?: number
  /** OpenAI-compatible service differences (ignored by other formats). */
  quirks?: OpenAIQuirks
}

export interface ProviderFormat {
  readonly name: 'openai' | 'anthropic' | 'gemini'
  requestFromIR(request: IRRequest, options: ProviderRequestOptions): unknown
  responseToIR(body: unknown): IRResponse
  createStreamDecoder(): StreamDecoder
  /** An upstream non-2xx response as a GatewayError carrying the upstream type and message. */
  errorFromUpstream(status: number, bodyText: string, headers: Record<string, string>): GatewayError
}
