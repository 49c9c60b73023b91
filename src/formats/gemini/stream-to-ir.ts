/**
 * `:streamGenerateContent?alt=sse` -> IR stream events. Every SSE message is a
 * whole GenerateContentResponse chunk holding the next parts of candidate 0.
 *
 * - Text and thought text extend the open part while the kind stays the same;
 *   a new kind (or a part that already got its signature) starts a new part.
 * - A function call usually arrives whole: tool_call_start, one delta with the
 *   arguments, and the part ends when the next part starts. Calls streamed with
 *   `willContinue`/`partialArgs` emit their JSON piece by piece instead.
 * - A `thoughtSignature` becomes a `signature` event on the part it rides on
 *   (a function call's also rides on its tool_call_start, for clients that
 *   carry it in the call id); a signature-only part (empty text, often the
 *   last chunk) signs the open part, or else opens an empty thinking part so
 *   the signature is not lost.
 * - usageMetadata is cumulative: the latest values win, reported on finish.
 * - The first chunk's finishReason ends the stream; a block reason, an error
 *   envelope or unreadable data ends it with an error event.
 */
import { GatewayError } from '../../ir/errors.js'
import type { StreamEvent, Usage } from '../../ir/types.js'
import type { SSEMessage, StreamDecoder } from '../types.js'
import { errorFromStreamEnvelope, isErrorEnvelope } from './errors.js'
import { mapStopReason } from './map-stop-reason.js'
import { mapUsage } from './map-usage.js'
import { PartialArgsWriter } from './partial-args.js'
import { blockedPromptError } from './response-to-ir.js'
import { toolCallId } from './tool-call-id.js'
import type { GeminiFunctionCall, GeminiPart, GeminiResponse, GeminiUsageMetadata } from './wire-types.js'

interface OpenPart {
  kind: 'text' | 'thinking' | 'tool_call'
  index: number
  signed: boolean
  /** Set while a tool call's arguments are still streaming. */
  args?: PartialArgsWriter
}

export function createStreamDecoder(): StreamDecoder {
  return new GeminiStreamDecoder()
}

class GeminiStreamDecoder implements StreamDecoder {
  private started = false
  /** A finish or error has been emitted; anything later is ignored. */
  private done = false
  private nextIndex = 0
  private open: OpenPart | undefined
  private calls = 0
  private responseId: string | undefined
  private readonly usage: GeminiUsageMetadata = {}

  decode(message: SSEMessage): StreamEvent[] {
    if (this.done) return []
    const data = message.data.trim()
    if (data === '') return []
    let chunk: unknown
    try {
      chunk = JSON.parse(data)
    } catch {
      return this.fail(new GatewayError('bad_gateway', 'Gemini sent a stream chunk that is not JSON', { upstreamFormat: 'gemini' }))
    }
    if (isErrorEnvelope(chunk)) return this.fail(errorFromStreamEnvelope(chunk, data))
    if (typeof chunk !== 'object' || chunk === null || Array.isArray(chunk)) {
      return this.fail(new GatewayError('bad_gateway', 'Gemini sent a stream chunk that is not an object', { upstreamFormat: 'gemini' }))
    }
    return this.chunk(chunk as GeminiResponse)
  }

  end(): StreamEvent[] {
    if (this.done) return []
    return this.fail(new GatewayError('bad_gateway', 'upstream stream ended before completion', { upstreamFormat: 'gemini' }))
  }

  private chunk(chunk: GeminiResponse): StreamEvent[] {
    const candidate = chunk.candidates?.[0]
    const blockReason = chunk.promptFeedback?.blockReason
    // A refused prompt is an error, not a reply: no start event before it.
    if (!candidate && blockReason) return this.fail(blockedPromptError(blockReason))
    const events: StreamEvent[] = []
    if (chunk.usageMetadata) Object.assign(this.usage, chunk.usageMetadata)
    if (!this.started) events.push(this.start(chunk))
    for (const part of candidate?.content?.parts ?? []) events.push(...this.part(part))
    if (candidate?.finishReason) {
      events.push(...this.closeOpen())
      events.push({
        type: 'finish',
        reason: mapStopReason(candidate.finishReason, this.calls > 0),
        stopSequence: null,
        usage: mapUsage(this.usage),
      })
      this.done = true
    }
    return events
  }

  private start(chunk: GeminiResponse): StreamEvent {
    this.started = true
    this.responseId = chunk.responseId
    const event: StreamEvent = { type: 'start', id: chunk.responseId ?? '', model: chunk.modelVersion ?? '' }
    if (chunk.usageMetadata?.promptTokenCount !== undefined) {
      const { inputTokens, cacheReadTokens } = mapUsage(chunk.usageMetadata)
      const usage: Partial<Usage> = { inputTokens }
      if (cacheReadTokens !== undefined) usage.cacheReadTokens = cacheReadTokens
      event.usage = usage
    }
    return event
  }

  private part(part: GeminiPart): StreamEvent[] {
    const signature = part.thoughtSignature || undefined
    if (part.functionCall) return this.functionCall(part.functionCall, signature)
    if (typeof part.text === 'string' && part.text !== '') return this.text(part.thought ? 'thinking' : 'text', part.text, signature)
    if (signature) return this.signatureOnly(signature, part.thought === true)
    return []
  }

  private text(kind: 'text' | 'thinking', text: string, signature: string | undefined): StreamEvent[] {
    const events: StreamEvent[] = []
    if (!(this.open?.kind === kind && !this.open.signed)) events.push(...this.openPart(kind))
    const index = this.open!.index
    events.push(kind === 'text' ? { type: 'text_delta', index, text } : { type: 'thinking_delta', index, text })
    if (signature) events.push(this.sign(signature))
    return events
  }

  /** A part that carries only a signature belongs to the part before it, when that one has none. */
  private signatureOnly(signature: string, thought: boolean): StreamEvent[] {
    const open = this.open
    if (open && !open.signed && (!thought || open.kind === 'thinking')) return [this.sign(signature)]
    const events = this.openPart('thinking')
    events.push({ type: 'thinking_delta', index: this.open!.index, text: '' }, this.sign(signature))
    return events
  }

  private functionCall(call: GeminiFunctionCall, signature: string | undefined): StreamEvent[] {
    const open = this.open
    if (!call.name) {
      // A continuation of the call whose arguments are streaming (or a stray empty call).
      if (open?.kind !== 'tool_call' || !open.args) return signature ? this.signatureOnly(signature, false) : []
      const events = this.argPieces(open, call)
      if (signature && !open.signed) events.push(this.sign(signature))
      if (!call.willContinue) events.push(...this.finishArgs(open))
      return events
    }
    const events = this.openPart('tool_call')
    const part = this.open!
    const id = toolCallId(this.calls++, call.name, this.responseId, call.id)
    events.push({ type: 'tool_call_start', index: part.index, id, name: call.name, ...(signature ? { signature } : {}) })
    if (signature) events.push(this.sign(signature))
    if (call.willContinue && call.args === undefined) {
      part.args = new PartialArgsWriter()
      events.push(...this.argPieces(part, call))
    } else {
      events.push({ type: 'tool_call_delta', index: part.index, json: JSON.stringify(call.args ?? {}) })
    }
    return events
  }

  private argPieces(part: OpenPart, call: GeminiFunctionCall): StreamEvent[] {
    const events: StreamEvent[] = []
    for (const arg of call.partialArgs ?? []) {
      const json = part.args!.write(arg)
      if (json) events.push({ type: 'tool_call_delta', index: part.index, json })
    }
    return events
  }

  private finishArgs(part: OpenPart): StreamEvent[] {
    if (!part.args) return []
    const json = part.args.finish()
    part.args = undefined
    return [{ type: 'tool_call_delta', index: part.index, json }]
  }

  private openPart(kind: OpenPart['kind']): StreamEvent[] {
    const events = this.closeOpen()
    this.open = { kind, index: this.nextIndex++, signed: false }
    return events
  }

  private closeOpen(): StreamEvent[] {
    const open = this.open
    if (!open) return []
    this.open = undefined
    return [...this.finishArgs(open), { type: 'part_end', index: open.index }]
  }

  private sign(signature: string): StreamEvent {
    this.open!.signed = true
    return { type: 'signature', index: this.open!.index, signature }
  }

  private fail(error: GatewayError): StreamEvent[] {
    this.done = true
    return [{ type: 'error', error }]
  }
}
