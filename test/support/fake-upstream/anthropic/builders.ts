/**
 * Reply builders in Anthropic's shape. Each returns a function of the request, so the
 * reply streams or not per the request's `stream` flag (override with opts.stream).
 * Thinking blocks are signed with the fake's secret, so they validate when sent back.
 */
import type { Answer, AnswerBlock, BuildOptions } from '../answer.js'
import { anthropicRequestId } from '../response-headers.js'
import { echoText } from '../text.js'
import type { ReplyFn, SseItem, SseReply } from '../types.js'
import { anthropicErrorBody, anthropicStreamErrorData } from './errors.js'
import { lastUserText } from './extract.js'
import { renderAnthropic } from './render.js'

export interface AnthropicToolUse {
  name: string
  input: unknown
  id?: string
}

export interface AnthropicErrorOptions {
  /** Seconds, sent as `retry-after`. */
  retryAfter?: number
  headers?: Record<string, string>
  delayMs?: number
}

const answer = (a: Answer, opts?: BuildOptions): ReplyFn => (req, ctx) => renderAnthropic(req, ctx, a, opts)

const thinkingBlocks = (thinking: string | undefined, redacted: boolean | undefined): AnswerBlock[] => [
  ...(thinking !== undefined ? [{ type: 'thinking', text: thinking } as AnswerBlock] : []),
  ...(redacted ? [{ type: 'redacted_thinking' } as AnswerBlock] : []),
]

export const anthropic = {
  answer,

  text: (text: string, opts?: BuildOptions): ReplyFn => answer({ blocks: [{ type: 'text', text }] }, opts),

  /** tool_use blocks (several = parallel), optionally after thinking and/or text. */
  toolUse: (calls: AnthropicToolUse[], opts: BuildOptions & { text?: string; thinking?: string; redacted?: boolean } = {}): ReplyFn =>
    answer(
      {
        blocks: [
          ...thinkingBlocks(opts.thinking, opts.redacted),
          ...(opts.text ? [{ type: 'text', text: opts.text } as AnswerBlock] : []),
          ...calls.map((c): AnswerBlock => ({ type: 'tool_call', name: c.name, input: c.input, id: c.id })),
        ],
      },
      opts,
    ),

  /** A signed thinking block then text; `redacted` adds a redacted_thinking block after it. */
  thinking: (thinking: string, text: string, opts: BuildOptions & { redacted?: boolean } = {}): ReplyFn =>
    answer({ blocks: [...thinkingBlocks(thinking, opts.redacted), { type: 'text', text }] }, opts),

  error:
    (status: number, type?: string, message?: string, opts: AnthropicErrorOptions = {}): ReplyFn =>
    (req, ctx) => ({
      error: status,
      body: anthropicErrorBody(status, anthropicRequestId(ctx.seed), type, message),
      headers: {
        ...(opts.retryAfter !== undefined ? { 'retry-after': String(opts.retryAfter) } : {}),
        ...(status === 429 || status >= 500 ? { 'x-should-retry': 'true' } : {}),
        ...opts.headers,
      },
      delayMs: opts.delayMs,
    }),

  /**
   * A 200 stream cut after `afterNEvents` events by an `event: error` (what the real
   * API sends when it fails mid-stream, e.g. overloaded), then the body ends.
   */
  streamError:
    (afterNEvents: number, type = 'overloaded_error', message?: string, opts: BuildOptions & { text?: string } = {}): ReplyFn =>
    (req, ctx) => {
      const text = opts.text ?? echoText(lastUserText(req))
      const full = renderAnthropic(req, ctx, { blocks: [{ type: 'text', text }] }, { ...opts, stream: true }) as SseReply
      const sse: SseItem[] = [...full.sse.slice(0, afterNEvents), { event: 'error', data: anthropicStreamErrorData(type, message) }]
      return { ...full, sse }
    },
}
