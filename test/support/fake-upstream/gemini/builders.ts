/**
 * Reply builders in Gemini's shape. Streaming follows the endpoint the request hit
 * (streamGenerateContent or not); gemini-3 models get thought signatures.
 */
import type { Answer, AnswerBlock } from '../answer.js'
import { echoText } from '../text.js'
import type { ReplyFn, SseItem, SseReply } from '../types.js'
import { geminiErrorBody, quotaDetails } from './errors.js'
import { lastUserText } from './extract.js'
import { geminiChunks, renderGemini, type GeminiBuildOptions } from './render.js'

export interface GeminiFunctionCall {
  name: string
  args?: unknown
}

export interface GeminiErrorOptions {
  /** For 429: the RetryInfo retryDelay, e.g. "34.4s" (adds QuotaFailure + RetryInfo details). */
  retryDelay?: string
  details?: unknown[]
  headers?: Record<string, string>
  delayMs?: number
}

const answer = (a: Answer, opts?: GeminiBuildOptions): ReplyFn => (req, ctx) => renderGemini(req, ctx, a, opts)

export const gemini = {
  answer,

  text: (text: string, opts?: GeminiBuildOptions): ReplyFn => answer({ blocks: [{ type: 'text', text }] }, opts),

  /** functionCall parts (several = parallel; only the first is signed, as Gemini 3 does). */
  functionCall: (calls: GeminiFunctionCall | GeminiFunctionCall[], opts: GeminiBuildOptions & { text?: string } = {}): ReplyFn =>
    answer(
      {
        blocks: [
          ...(opts.text ? [{ type: 'text', text: opts.text } as AnswerBlock] : []),
          ...(Array.isArray(calls) ? calls : [calls]).map((c): AnswerBlock => ({ type: 'tool_call', name: c.name, input: c.args ?? {} })),
        ],
      },
      opts,
    ),

  /** A thought summary part (`thought: true`) before the answer text. */
  thought: (thought: string, text: string, opts?: GeminiBuildOptions): ReplyFn =>
    answer(
      {
        blocks: [
          { type: 'thinking', text: thought },
          { type: 'text', text },
        ],
      },
      opts,
    ),

  error:
    (status: number, message?: string, opts: GeminiErrorOptions = {}): ReplyFn =>
    () => {
      const details = opts.details ?? (status === 429 ? quotaDetails(opts.retryDelay ?? '34s') : undefined)
      return { error: status, body: geminiErrorBody(status, message, details), headers: opts.headers, delayMs: opts.delayMs }
    },

  /** A stream that breaks after `afterNChunks` chunks with an in-band error object. */
  streamError:
    (afterNChunks: number, status = 500, message?: string, opts: GeminiBuildOptions & { text?: string } = {}): ReplyFn =>
    (req, ctx) => {
      const a: Answer = { blocks: [{ type: 'text', text: opts.text ?? echoText(lastUserText(req)) }] }
      const full = renderGemini(req, ctx, a, { ...opts, stream: true }) as SseReply
      const sse: SseItem[] = [...geminiChunks(req, ctx, a, opts).slice(0, afterNChunks).map((data) => ({ data })), { data: geminiErrorBody(status, message) }]
      return { ...full, sse, lineEnding: '\r\n', contentType: undefined }
    },
}
