/** Public types of the fake upstream. Independent of src/: this emulates the outside world. */

export type Provider = 'openai' | 'anthropic' | 'gemini'

export type RouteName =
  | 'openai.chat'
  | 'openai.models'
  | 'anthropic.messages'
  | 'anthropic.count_tokens'
  | 'anthropic.models'
  | 'gemini.generate'
  | 'gemini.stream'
  | 'gemini.count_tokens'
  | 'gemini.models'

export interface RecordedRequest {
  /** 0-based position since start (or the last reset). */
  index: number
  method: string
  /** Path including the query string, exactly as requested. */
  path: string
  pathname: string
  query: Record<string, string>
  /** Whatever precedes `/v1/` or `/v1beta/` (e.g. `/deepseek`), '' when none. */
  prefix: string
  route: RouteName | null
  provider: Provider | null
  /** Model from the body (OpenAI/Anthropic) or the path (Gemini). */
  model?: string
  /** Body `stream: true` (OpenAI/Anthropic) or the streamGenerateContent endpoint (Gemini). */
  stream: boolean
  /** Lower-case names; repeated headers joined with ', '. */
  headers: Record<string, string>
  /** The body exactly as received, decoded as UTF-8 (see rawBytes for the bytes). */
  rawBody: string
  rawBytes: Buffer
  json?: unknown
  /** Date.now() when the request head arrived. */
  receivedAt: number
  /** True when the client went away before the response was complete. */
  aborted: boolean
  /** Date.now() when the disconnect was seen. */
  abortedAt?: number
  /** Status sent, once the response head went out. */
  status?: number
  /** Date.now() when the response was fully written. */
  finishedAt?: number
  /** The message of the auth/validation error the fake answered with, if any. */
  rejection?: string
}

/** One SSE item: a string is written verbatim (you supply the framing); an object is framed. */
export type SseItem = string | { event?: string; data: unknown; id?: string }

export type StreamEnding = 'normal' | 'reset' | 'hang'

interface ReplyBase {
  status?: number
  headers?: Record<string, string>
  /** Wait this long before sending the response head. */
  delayMs?: number
}

export interface JsonReply extends ReplyBase {
  json: unknown
}

export interface SseReply extends ReplyBase {
  sse: SseItem[]
  /** Pause between items. */
  chunkDelayMs?: number
  /** Pause after the head is sent, before the first item. */
  firstByteDelayMs?: number
  /** 'reset' closes the socket after the last item without ending the body; 'hang' never ends. */
  ending?: StreamEnding
  /** Framing line ending for object items ('\n' by default; Gemini uses '\r\n'). */
  lineEnding?: '\n' | '\r\n'
  contentType?: string
}

export interface RawReply extends ReplyBase {
  raw: string | Buffer
  contentType?: string
}

/** Reset the socket before any response byte. */
export interface DestroyReply {
  destroy: true
  delayMs?: number
}

/** Never answer (until the client gives up or the fake closes). */
export interface HangReply {
  hang: true
}

/** Wait, then answer with the default reply for the route. */
export interface DelayReply {
  delayMs: number
}

/** An error status; body defaults to the provider's real error envelope. */
export interface ErrorReply {
  error: number
  body?: unknown
  headers?: Record<string, string>
  delayMs?: number
}

export type Reply = JsonReply | SseReply | RawReply | DestroyReply | HangReply | ErrorReply | DelayReply

export interface ReplyContext {
  signingSecret: string
  /** Hex SHA-256 of method + path + body: the seed of every deterministic id. */
  seed: string
  /** The Anthropic thinking signature the fake issues (and accepts) for this text. */
  signThinking(thinking: string): string
  /** Opaque redacted_thinking data the fake will accept back. */
  redactedData(seed: string): string
  /** Opaque Gemini thoughtSignature the fake will accept back. */
  geminiSignature(seed: string): string
}

export type ReplyFn = (request: RecordedRequest, ctx: ReplyContext) => ReplySpec | Promise<ReplySpec>
export type ReplySpec = Reply | ReplyFn

export type Match =
  | {
      route?: RouteName | RouteName[]
      provider?: Provider
      prefix?: string
      model?: string | RegExp
      stream?: boolean
    }
  | ((request: RecordedRequest) => boolean)

export interface FastOptions {
  /** Content chunks per streamed reply (default 10). */
  chunks?: number
  /** Pause between streamed chunks (default 0: the whole stream in one write). */
  intervalMs?: number
}

export interface FakeUpstreamOptions {
  /** When set, requests must authenticate the way the real provider wants. */
  apiKey?: string
  /** Secret for thinking signatures, redacted thinking data and Gemini thought signatures. */
  signingSecret?: string
  /** Benchmark mode: fixed precomputed replies, no validation, no recording (unless record: true). */
  fast?: boolean | FastOptions
  /** Keep RecordedRequest objects (default true, false in fast mode). */
  record?: boolean
  /** Provider-faithful request validation (default true; off in fast mode). */
  validate?: boolean
  /** Reject gemini-3* requests whose current-turn functionCall lacks a valid thoughtSignature (default true). */
  geminiSignatureCheck?: boolean
  /** Model ids listed by the models endpoints. */
  models?: Partial<Record<Provider, string[]>>
  /** Fixed port (default: random). */
  port?: number
}

export interface FakeUpstream {
  /** http://127.0.0.1:PORT */
  url: string
  port: number
  requests: RecordedRequest[]
  /** Counts every request, recorded or not. */
  readonly requestCount: number
  readonly signingSecret: string
  /** SDK-style base URL: openai → url/v1, anthropic → url, gemini → url/v1beta (after the prefix). */
  baseURL(provider: Provider, prefix?: string): string
  /** Queue a reply for the next matching request (FIFO). Without match: chat/messages/generateContent routes only. */
  enqueue(reply: ReplySpec, match?: Match): void
  enqueueAll(replies: ReplySpec[], match?: Match): void
  /** Answer every matching request with this reply when the queue has none (newest wins); null removes all. */
  alwaysReply(reply: ReplySpec | null, match?: Match): void
  /** How many queued replies have not been consumed. */
  pendingReplies(): number
  /** Forget requests, queued and persistent replies. */
  reset(): void
  close(): Promise<void>
  /** Resolves with the n-th request (1-based) once it has arrived (body read). */
  waitForRequest(n: number, timeoutMs?: number): Promise<RecordedRequest>
  waitForRequests(count: number, timeoutMs?: number): Promise<RecordedRequest[]>
  /** Resolves with abortedAt of the given request (index or object), or of the first aborted request. */
  waitForAbort(which?: number | RecordedRequest, timeoutMs?: number): Promise<number>
  /** Resolves when the given request's response has been completely written. */
  waitForFinish(which: number | RecordedRequest, timeoutMs?: number): Promise<RecordedRequest>
  /** The signature the fake gives a thinking text (to build valid histories in tests). */
  signThinking(thinking: string): string
  redactedData(seed?: string): string
  geminiSignature(seed?: string): string
}
