/**
 * Reply builders in OpenAI's shape. Each returns a function of the request, so the
 * reply streams or not per the request's `stream` flag (override with opts.stream)
 * and names the request's model.
 */
import type { Answer, AnswerBlock } from '../answer.js'
import { echoText } from '../text.js'
import type { ReplyFn, SseItem, SseReply } from '../types.js'
import { openaiErrorBody, type OpenAIErrorFields } from './errors.js'
import { lastUserText } from './extract.js'
import { renderOpenAI, type OpenAIBuildOptions } from './render.js'

export interface OpenAIToolCall {
  name: string
  /** An object (serialised) or a raw string sent verbatim. */
  arguments: unknown
  id?: string
}

export interface OpenAIErrorOptions extends OpenAIErrorFields {
  /** Seconds, sent as `retry-after`. */
  retryAfter?: number
  headers?: Record<string, string>
  delayMs?: number
}

const answer = (a: Answer, opts?: OpenAIBuildOptions): ReplyFn => (req, ctx) => renderOpenAI(req, ctx, a, opts)

export const openai = {
  answer,

  text: (text: string, opts?: OpenAIBuildOptions): ReplyFn => answer({ blocks: [{ type: 'text', text }] }, opts),

  /** One call or several in parallel; `text` adds assistant content before the calls. */
  toolCalls: (calls: OpenAIToolCall[], opts: OpenAIBuildOptions & { text?: string } = {}): ReplyFn =>
    answer(
      {
        blocks: [
          ...(opts.text ? [{ type: 'text', text: opts.text } as AnswerBlock] : []),
          ...calls.map((c): AnswerBlock => ({ type: 'tool_call', name: c.name, input: c.arguments, id: c.id })),
        ],
      },
      opts,
    ),

  /** DeepSeek-style `reasoning_content` before the answer. */
  reasoning: (thinking: string, text: string, opts: OpenAIBuildOptions = {}): ReplyFn =>
    answer(
      {
        blocks: [
          { type: 'thinking', text: thinking },
          { type: 'text', text },
        ],
      },
      { flavour: 'deepseek', ...opts },
    ),

  error:
    (status: number, opts: OpenAIErrorOptions = {}): ReplyFn =>
    (req) => {
      const { retryAfter, headers, delayMs, ...fields } = opts
      return {
        error: status,
        body: openaiErrorBody(status, fields, req.model),
        headers: { ...(retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : {}), ...headers },
        delayMs,
      }
    },

  /**
   * A 200 stream that breaks after `afterNChunks` chunks with the in-band error OpenAI
   * sends (`data: {"error":{...}}`), and no [DONE].
   */
  streamError:
    (afterNChunks: number, opts: OpenAIErrorFields & OpenAIBuildOptions & { text?: string } = {}): ReplyFn =>
    (req, ctx) => {
      const { message, type, param, code, text, ...build } = opts
      const full = renderOpenAI(req, ctx, { blocks: [{ type: 'text', text: text ?? echoText(lastUserText(req)) }] }, { ...build, stream: true }) as SseReply
      const error = openaiErrorBody(500, { message, type: type ?? 'server_error', param, code }).error
      const sse: SseItem[] = [...full.sse.slice(0, afterNChunks), { data: { error } }]
      return { ...full, sse }
    },
}
