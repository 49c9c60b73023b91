/**
 * An OpenAI-compatible service's `chat.completion.chunk` stream as IR events,
 * chunk by chunk. Deltas only say "more of this kind", so IR parts are cut
 * wherever the kind changes (thinking -> text -> tool call ...), and a tool call
 * is new when its wire `index` is new or arrives with a new id: some services
 * start at index 1, others repeat index 0 for every call.
 */
import { GatewayError } from '../../ir/errors.js'
import type { StreamEvent, Usage } from '../../ir/types.js'
import type { SSEMessage, StreamDecoder } from '../types.js'
import { type JsonObject, isObject } from './check.js'
import { stopReasonFromOpenAI } from './map-stop-reason.js'
import { usageFromOpenAI } from './map-usage.js'
import { errorFromStreamPayload } from './upstream-error.js'

interface OpenPart {
  kind: 'text' | 'thinking' | 'tool'
  index: number
  /** For thinking from `reasoning_details`: the entry index it came from (a new one is a new block). */
  detailIndex?: number
  /** Thinking text so far, to recognise a `reasoning_details` entry that restates the whole block. */
  text: string
}

interface ToolCallState {
  id: string
  index: number
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

/**
 * The choice the gateway follows: index 0, else the first without an index
 * (n > 1 is not translated). A plain loop: called per chunk, it allocated a
 * filtered copy of the choices each time.
 */
function firstChoice(payload: JsonObject): JsonObject | undefined {
  const choices = payload.choices
  if (!Array.isArray(choices)) return undefined
  let unindexed: JsonObject | undefined
  for (const choice of choices) {
    if (!isObject(choice)) continue
    if (choice.index === 0) return choice
    if (choice.index === undefined) unindexed ??= choice
  }
  return unindexed
}

export class OpenAIStreamDecoder implements StreamDecoder {
  private started = false
  private done = false
  private nextIndex = 0
  private open: OpenPart | undefined
  private readonly toolCalls = new Map<number, ToolCallState>()
  private finishReason: string | undefined
  private refused = false
  private usage: Usage | undefined
  private responseId = ''
  private events: StreamEvent[] = []

  decode(message: SSEMessage): StreamEvent[] {
    if (this.done) return []
    const data = message.data.trim()
    if (data === '[DONE]') return this.finish()
    let payload: unknown
    try {
      payload = JSON.parse(data)
    } catch {
      if (message.event === 'error') return this.fail(new GatewayError('api_error', data || 'The upstream reported an error mid-stream'))
      return [] // not a chunk (a stray keep-alive line); nothing to translate
    }
    if (!isObject(payload)) return []
    if (message.event === 'error' || (payload.error !== undefined && payload.error !== null)) {
      return this.fail(errorFromStreamPayload(payload, message.data))
    }
    this.events = []
    this.chunk(payload)
    return this.events
  }

  end(): StreamEvent[] {
    if (this.done) return []
    if (this.finishReason !== undefined) return this.finish()
    return this.fail(new GatewayError('bad_gateway', 'upstream stream ended before completion'))
  }

  private chunk(payload: JsonObject): void {
    const choice = firstChoice(payload)
    if (choice || nonEmpty(payload.id)) this.start(payload)
    const usage = usageFromOpenAI(payload.usage) ?? (isObject(payload.x_groq) ? usageFromOpenAI(payload.x_groq.usage) : undefined)
    if (usage) this.usage = usage
    if (!choice) return
    if (isObject(choice.delta)) this.delta(choice.delta)
    if (typeof choice.finish_reason === 'string' && choice.finish_reason !== '') this.finishReason = choice.finish_reason
  }

  private start(payload: JsonObject): void {
    if (this.started) return
    this.started = true
    this.responseId = typeof payload.id === 'string' ? payload.id : ''
    this.events.push({ type: 'start', id: this.responseId, model: typeof payload.model === 'string' ? payload.model : '' })
  }

  private delta(delta: JsonObject): void {
    this.thinking(delta)
    const content = nonEmpty(delta.content)
    if (content) this.text(content)
    const refusal = nonEmpty(delta.refusal)
    if (refusal) {
      this.refused = true
      this.text(refusal)
    }
    if (Array.isArray(delta.tool_calls)) for (const call of delta.tool_calls) if (isObject(call)) this.toolCall(call)
  }

  /** Close the open part unless it is the wanted kind; returns the part to write to. */
  private partOf(kind: 'text' | 'thinking', detailIndex?: number): OpenPart {
    if (this.open && this.open.kind === kind && this.open.detailIndex === detailIndex) return this.open
    this.closePart()
    this.open = { kind, index: this.nextIndex++, detailIndex, text: '' }
    return this.open
  }

  private closePart(): void {
    if (!this.open) return
    this.events.push({ type: 'part_end', index: this.open.index })
    this.open = undefined
  }

  private text(text: string): void {
    this.events.push({ type: 'text_delta', index: this.partOf('text').index, text })
  }

  private thinking(delta: JsonObject): void {
    // OpenRouter sends `reasoning` and `reasoning_details` together; the details carry signatures.
    if (Array.isArray(delta.reasoning_details) && delta.reasoning_details.length > 0) {
      for (const detail of delta.reasoning_details) if (isObject(detail)) this.reasoningDetail(detail)
      return
    }
    const text = nonEmpty(delta.reasoning_content) ?? nonEmpty(delta.reasoning)
    if (text) this.thinkingDelta(this.partOf('thinking'), text)
  }

  private thinkingDelta(part: OpenPart, text: string): void {
    part.text += text
    this.events.push({ type: 'thinking_delta', index: part.index, text })
  }

  /**
   * A whole block restated after its `reasoning_content` deltas (how this
   * gateway itself streams a signed block): only the signature is new.
   */
  private restatesOpenThinking(text: string | undefined): boolean {
    return text !== undefined && this.open?.kind === 'thinking' && this.open.detailIndex === undefined && this.open.text === text
  }

  private reasoningDetail(detail: JsonObject): void {
    const detailIndex = typeof detail.index === 'number' ? detail.index : (this.open?.detailIndex ?? 0)
    if (detail.type === 'reasoning.encrypted' && typeof detail.data === 'string') {
      this.closePart()
      const index = this.nextIndex++
      this.events.push({ type: 'redacted_thinking', index, data: detail.data }, { type: 'part_end', index })
      return
    }
    const text = detail.type === 'reasoning.text' ? nonEmpty(detail.text) : detail.type === 'reasoning.summary' ? nonEmpty(detail.summary) : undefined
    const signature = detail.type === 'reasoning.text' ? nonEmpty(detail.signature) : undefined
    if (!text && !signature) return
    if (this.restatesOpenThinking(text)) {
      if (signature) this.events.push({ type: 'signature', index: this.open!.index, signature })
      this.closePart()
      return
    }
    const part = this.partOf('thinking', detailIndex)
    if (text) this.thinkingDelta(part, text)
    if (signature) this.events.push({ type: 'signature', index: part.index, signature })
  }

  private toolCall(call: JsonObject): void {
    const wireIndex = typeof call.index === 'number' ? call.index : 0
    const fn = isObject(call.function) ? call.function : {}
    const id = nonEmpty(call.id)
    const extra = call.extra_content
    const signature = isObject(extra) && isObject(extra.google) ? nonEmpty(extra.google.thought_signature) : undefined
    let state = this.toolCalls.get(wireIndex)
    if (!state || (id !== undefined && id !== state.id)) {
      this.closePart()
      const index = this.nextIndex++
      state = { id: id ?? `call_${this.responseId}_${index}`, index }
      this.toolCalls.set(wireIndex, state)
      this.open = { kind: 'tool', index, text: '' }
      const name = typeof fn.name === 'string' ? fn.name : ''
      // A signature that comes with the call's first chunk also rides on its start (see StreamEvent).
      this.events.push({ type: 'tool_call_start', index, id: state.id, name, ...(signature ? { signature } : {}) })
    }
    // Services that interleave argument fragments of parallel calls do not exist in practice;
    // a late fragment still goes to its own call's index.
    const args = typeof fn.arguments === 'string' ? fn.arguments : isObject(fn.arguments) ? JSON.stringify(fn.arguments) : ''
    if (args) this.events.push({ type: 'tool_call_delta', index: state.index, json: args })
    if (signature) this.events.push({ type: 'signature', index: state.index, signature })
  }

  private finish(): StreamEvent[] {
    this.done = true
    this.events = []
    if (!this.started) this.events.push({ type: 'start', id: '', model: '' })
    this.closePart()
    const reason = this.refused ? 'content_filter' : this.finishReason === undefined ? 'end' : stopReasonFromOpenAI(this.finishReason)
    this.events.push({ type: 'finish', reason, stopSequence: null, usage: this.usage ?? { inputTokens: 0, outputTokens: 0 } })
    return this.events
  }

  private fail(error: GatewayError): StreamEvent[] {
    this.done = true
    return [{ type: 'error', error }]
  }
}

export function createStreamDecoder(): StreamDecoder {
  return new OpenAIStreamDecoder()
}
