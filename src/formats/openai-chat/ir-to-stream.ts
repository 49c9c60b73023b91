/**
 * IR stream events as `chat.completion.chunk` SSE frames, one event at a time.
 * Thinking goes out as `reasoning_content` deltas (DeepSeek's convention) and,
 * when each thinking part ends, as one `reasoning_details` entry holding its
 * full text and signature, which a client can send back unchanged.
 * A tool call that ends without any argument fragment (Anthropic streams a
 * no-argument call as one empty input_json_delta) gets `"{}"`, as OpenAI sends
 * it: clients parse the arguments, and "" is not JSON.
 */
import type { RedactedThinkingPart, StreamEvent, ThinkingPart, Usage } from '../../ir/types.js'
import { sseFrame } from '../../util/sse.js'
import type { EncodeContext, StreamEncoder } from '../types.js'
import { renderStreamError } from './errors.js'
import { newCompletionId, nowSeconds } from './ids.js'
import { finishReasonFor } from './map-stop-reason.js'
import { usageToOpenAI } from './map-usage.js'
import { reasoningDetailFromPart } from './reasoning-details.js'
import type { OpenAIChatCompletionChunk, OpenAIChunkDelta, OpenAIFinishReason } from './wire-types.js'

export class OpenAIStreamEncoder implements StreamEncoder {
  private id = ''
  private readonly created = nowSeconds()
  private started = false
  /** IR part index -> position among this message's tool calls (the wire `index`). */
  private readonly toolCallIndex = new Map<number, number>()
  /** IR indices of tool calls that have not had an argument fragment yet. */
  private readonly callsWithoutArguments = new Set<number>()
  /** Thinking parts still open, by IR index, collected for their `reasoning_details` entry. */
  private readonly thinking = new Map<number, ThinkingPart>()
  /** IR indices of text parts: Gemini may sign them, and OpenAI has nowhere to put that. */
  private readonly textParts = new Set<number>()
  /** IR indices of tool calls whose signature went out with their first delta. */
  private readonly signedAtStart = new Set<number>()
  private reasoningDetailCount = 0
  private usage: Usage = { inputTokens: 0, outputTokens: 0 }

  constructor(private readonly context: EncodeContext) {}

  encode(event: StreamEvent): string {
    switch (event.type) {
      case 'start':
        if (!this.id) this.id = event.id
        this.usage = { ...this.usage, ...event.usage }
        return this.begin()
      case 'text_delta':
        this.textParts.add(event.index)
        return event.text ? this.begin() + this.chunk({ content: event.text }) : ''
      case 'thinking_delta':
        this.thinkingPart(event.index).text += event.text
        return event.text ? this.begin() + this.chunk({ reasoning_content: event.text }) : ''
      case 'signature':
        return this.begin() + this.signature(event.index, event.signature)
      case 'redacted_thinking':
        return this.begin() + this.reasoningDetail({ type: 'redacted_thinking', data: event.data })
      case 'tool_call_start': {
        const wireIndex = this.toolCallIndex.size
        this.toolCallIndex.set(event.index, wireIndex)
        this.callsWithoutArguments.add(event.index)
        const call = { index: wireIndex, id: event.id, type: 'function' as const, function: { name: event.name, arguments: '' } }
        if (!event.signature) return this.begin() + this.chunk({ tool_calls: [call] })
        // In the call's first delta, as Google's own OpenAI endpoint sends it; its signature event is then a repeat.
        this.signedAtStart.add(event.index)
        return this.begin() + this.chunk({ tool_calls: [{ ...call, extra_content: { google: { thought_signature: event.signature } } }] })
      }
      case 'tool_call_delta': {
        const wireIndex = this.toolCallIndex.get(event.index)
        if (wireIndex === undefined || !event.json) return ''
        this.callsWithoutArguments.delete(event.index)
        return this.chunk({ tool_calls: [{ index: wireIndex, function: { arguments: event.json } }] })
      }
      case 'part_end':
        return this.endThinking(event.index) + this.emptyArguments(event.index)
      case 'usage':
        this.usage = { ...this.usage, ...event.usage }
        return ''
      case 'finish':
        return this.finish(finishReasonFor(event.reason, this.toolCallIndex.size > 0), event.usage)
      case 'error':
        return renderStreamError(event.error)
    }
  }

  end(): string {
    return 'data: [DONE]\n\n'
  }

  /** The first chunk carries the role, as OpenAI's does; sent once, before any content. */
  private begin(): string {
    if (this.started) return ''
    this.started = true
    if (!this.id) this.id = newCompletionId()
    return this.chunk({ role: 'assistant', content: '', refusal: null })
  }

  private thinkingPart(index: number): ThinkingPart {
    let part = this.thinking.get(index)
    if (!part) {
      part = { type: 'thinking', text: '' }
      this.thinking.set(index, part)
    }
    return part
  }

  private signature(index: number, signature: string): string {
    const wireIndex = this.toolCallIndex.get(index)
    if (this.signedAtStart.has(index)) return ''
    if (wireIndex !== undefined) {
      return this.chunk({ tool_calls: [{ index: wireIndex, extra_content: { google: { thought_signature: signature } } }] })
    }
    if (this.textParts.has(index)) return ''
    const part = this.thinkingPart(index)
    part.signature = (part.signature ?? '') + signature
    return ''
  }

  /** `"{}"` for a tool call that ended with no arguments at all. */
  private emptyArguments(index: number): string {
    if (!this.callsWithoutArguments.delete(index)) return ''
    return this.chunk({ tool_calls: [{ index: this.toolCallIndex.get(index)!, function: { arguments: '{}' } }] })
  }

  private endThinking(index: number): string {
    const part = this.thinking.get(index)
    if (!part) return ''
    this.thinking.delete(index)
    return this.reasoningDetail(part)
  }

  private reasoningDetail(part: ThinkingPart | RedactedThinkingPart): string {
    return this.chunk({ reasoning_details: [reasoningDetailFromPart(part, this.reasoningDetailCount++)] })
  }

  private finish(reason: OpenAIFinishReason, usage: Usage): string {
    let text = this.begin()
    for (const index of [...this.thinking.keys()]) text += this.endThinking(index)
    for (const index of [...this.callsWithoutArguments]) text += this.emptyArguments(index)
    text += this.chunk({}, reason)
    this.usage = { ...this.usage, ...usage }
    if (this.context.includeUsage) text += this.frame({ choices: [], usage: usageToOpenAI(this.usage) })
    return text
  }

  private chunk(delta: OpenAIChunkDelta, finishReason: OpenAIFinishReason | null = null): string {
    return this.frame({ choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }] })
  }

  private frame(fields: Pick<OpenAIChatCompletionChunk, 'choices'> & { usage?: OpenAIChatCompletionChunk['usage'] }): string {
    const chunk: OpenAIChatCompletionChunk = {
      id: this.id,
      object: 'chat.completion.chunk',
      created: this.created,
      model: this.context.model,
      system_fingerprint: null,
      choices: fields.choices,
    }
    // With include_usage OpenAI puts `usage: null` on every chunk but the last.
    if (this.context.includeUsage) chunk.usage = fields.usage ?? null
    return sseFrame(JSON.stringify(chunk))
  }
}

export function createStreamEncoder(context: EncodeContext): StreamEncoder {
  return new OpenAIStreamEncoder(context)
}
