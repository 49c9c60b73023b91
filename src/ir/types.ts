/**
 * The neutral internal representation (IR) every wire format translates to and from.
 *
 * Inbound request -> IRRequest -> provider request; provider response / stream
 * -> IRResponse / StreamEvent -> client format. Types only: no behaviour lives here
 * beyond the tiny helpers in the sibling files.
 */

/** A prompt-caching breakpoint (Anthropic `cache_control`). */
export interface CacheHint {
  type: 'ephemeral'
  ttl?: '5m' | '1h'
}

export type ImageSource =
  | { kind: 'base64'; mediaType: string; data: string }
  | { kind: 'url'; url: string }

export interface TextPart {
  type: 'text'
  text: string
  cache?: CacheHint
  /** Gemini's `thoughtSignature` on a plain text part; sent back unchanged. */
  signature?: string
}

export interface ImagePart {
  type: 'image'
  source: ImageSource
  /** OpenAI's `image_url.detail`; other formats ignore it. */
  detail?: 'auto' | 'low' | 'high'
  cache?: CacheHint
}

/** Model reasoning. `signature` must reach the provider unchanged on later turns. */
export interface ThinkingPart {
  type: 'thinking'
  text: string
  signature?: string
}

/** Encrypted reasoning the provider will not show; sent back verbatim. */
export interface RedactedThinkingPart {
  type: 'redacted_thinking'
  data: string
}

export interface ToolCallPart {
  type: 'tool_call'
  id: string
  name: string
  /** Parsed arguments (a JSON value, usually an object). */
  input: unknown
  /** Gemini's `thoughtSignature` on a functionCall part; sent back unchanged. */
  signature?: string
  cache?: CacheHint
}

export interface ToolResultPart {
  type: 'tool_result'
  callId: string
  /** Name of the tool that was called, when known (Gemini needs it). */
  name?: string
  content: Array<TextPart | ImagePart>
  isError?: boolean
  cache?: CacheHint
}

export type Part =
  | TextPart
  | ImagePart
  | ThinkingPart
  | RedactedThinkingPart
  | ToolCallPart
  | ToolResultPart

/** Parts an assistant can produce in a response. */
export type OutputPart = TextPart | ThinkingPart | RedactedThinkingPart | ToolCallPart

/**
 * A conversation turn. Tool results live in `user` turns as `tool_result` parts
 * (Anthropic's convention); formats with a separate tool role split them out.
 */
export interface Message {
  role: 'user' | 'assistant'
  parts: Part[]
}

export interface ToolDefinition {
  name: string
  description?: string
  /** JSON Schema of the arguments object. */
  inputSchema: Record<string, unknown>
  strict?: boolean
  cache?: CacheHint
}

export type ToolChoice =
  | { type: 'auto' }
  | { type: 'none' }
  /** The model must call some tool (OpenAI `required`, Anthropic `any`). */
  | { type: 'required' }
  | { type: 'tool'; name: string }

export type ResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | {
      type: 'json_schema'
      name?: string
      description?: string
      schema: Record<string, unknown>
      strict?: boolean
    }

export type ReasoningEffort = 'minimal' | 'low' | 'medium' | 'high'

/**
 * Reasoning request. `enabled: false` asks for none; otherwise `budgetTokens`
 * (Anthropic/Gemini style) and/or `effort` (OpenAI style) say how much.
 */
export interface ReasoningConfig {
  enabled: boolean
  effort?: ReasoningEffort
  budgetTokens?: number
}

export interface IRRequest {
  /** The model as the client named it (before routing). */
  model: string
  system: TextPart[]
  messages: Message[]
  tools?: ToolDefinition[]
  toolChoice?: ToolChoice
  /** false = at most one tool call per turn. */
  parallelToolCalls?: boolean
  maxTokens?: number
  temperature?: number
  topP?: number
  topK?: number
  stop?: string[]
  responseFormat?: ResponseFormat
  reasoning?: ReasoningConfig
  /** End-user id (OpenAI `user`, Anthropic `metadata.user_id`). */
  user?: string
  /** Number of choices; only OpenAI-type providers support more than 1. */
  n?: number
  seed?: number
  frequencyPenalty?: number
  presencePenalty?: number
  stream: boolean
  /** OpenAI `stream_options.include_usage`. */
  includeUsage?: boolean
}

/**
 * Why generation stopped, in neutral terms.
 * OpenAI: stop | stop (stop_sequence) | length | tool_calls | content_filter.
 * Anthropic: end_turn | stop_sequence | max_tokens | tool_use | refusal | pause_turn.
 */
export type StopReason =
  | 'end'
  | 'stop_sequence'
  | 'max_tokens'
  | 'tool_use'
  | 'content_filter'
  | 'pause'
  | 'error'
  | 'other'

/**
 * Token usage. `inputTokens` follows Anthropic's convention: input NOT read from
 * or written to the cache. OpenAI's `prompt_tokens` = input + cacheRead + cacheWrite.
 * `outputTokens` includes reasoning tokens.
 */
export interface Usage {
  inputTokens: number
  outputTokens: number
  cacheReadTokens?: number
  cacheWriteTokens?: number
  reasoningTokens?: number
}

export interface IRResponse {
  id: string
  /** The model as the provider reported it. */
  model: string
  content: OutputPart[]
  stopReason: StopReason
  stopSequence?: string | null
  usage: Usage
  /** Unix seconds. */
  created?: number
}

/**
 * Incremental stream events. `index` is the part's position in the response's
 * content (as Anthropic content block indices). A part begins with its first
 * event at a new index and ends with `part_end`; parts are produced one after
 * another, in increasing index order.
 */
export type StreamEvent =
  | { type: 'start'; id: string; model: string; usage?: Partial<Usage> }
  | { type: 'text_delta'; index: number; text: string }
  | { type: 'thinking_delta'; index: number; text: string }
  | { type: 'signature'; index: number; signature: string }
  | { type: 'redacted_thinking'; index: number; data: string }
  /**
   * `signature`: a signature known when the call starts (Gemini's thoughtSignature
   * on the functionCall part). It is also sent as a `signature` event; encoders
   * that must place it in the block header (Anthropic's tool_use id) read it here.
   */
  | { type: 'tool_call_start'; index: number; id: string; name: string; signature?: string }
  | { type: 'tool_call_delta'; index: number; json: string }
  | { type: 'part_end'; index: number }
  /** Usage reported mid-stream (e.g. a provider that sends it before the end). */
  | { type: 'usage'; usage: Partial<Usage> }
  | { type: 'finish'; reason: StopReason; stopSequence?: string | null; usage: Usage }
  | { type: 'error'; error: import('./errors.js').GatewayError }

/** The two formats clients speak to the gateway. */
export type ClientFormatName = 'openai' | 'anthropic'

/** The wire formats providers speak. */
export type WireFormatName = 'openai' | 'anthropic' | 'gemini'
