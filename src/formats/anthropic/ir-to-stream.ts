/**
 * IR stream events -> Anthropic SSE, shaped like the real API's streams:
 * message_start, ping, then per part content_block_start / _delta / _stop,
 * then message_delta (stop reason + usage) and message_stop.
 *
 * Block indices are renumbered from 0 in the order parts start (the SDK appends
 * each content_block_start to its snapshot, so they must be contiguous). One
 * block is open at a time: a part that starts closes the one before it. A
 * thinking block's signature is sent as one signature_delta just before its
 * content_block_stop, as the API does (the SDK keeps only the last one).
 */
import type { GatewayError } from '../../ir/errors.js'
import type { StopReason, StreamEvent, Usage } from '../../ir/types.js'
import { sseFrame } from '../../util/sse.js'
import type { EncodeContext, StreamEncoder } from '../types.js'
import { renderStreamError } from './errors.js'
import { anthropicMessageId } from './ids.js'
import { stopReasonFromIR } from './map-stop-reason.js'
import { deltaUsageFromIR, usageFromIR } from './map-usage.js'
import { idWithSignature } from './tool-id-signature.js'

type BlockKind = 'text' | 'thinking' | 'redacted_thinking' | 'tool_use'

interface OpenBlock {
  irIndex: number
  wireIndex: number
  kind: BlockKind
  signature: string
}

const frame = (type: string, payload: Record<string, unknown> = {}): string =>
  sseFrame(JSON.stringify({ type, ...payload }), type)

export class AnthropicStreamEncoder implements StreamEncoder {
  private started = false
  private done = false
  private nextWireIndex = 0
  private current: OpenBlock | undefined
  private usage: Partial<Usage> = {}
  /** IR indices that have had a block, so a late event cannot reopen one. */
  private readonly seen = new Set<number>()

  constructor(private readonly context: EncodeContext) {}

  encode(event: StreamEvent): string {
    if (this.done) return ''
    switch (event.type) {
      case 'start':
        return this.start(event.id, event.usage)
      case 'text_delta':
        return this.open(event.index, 'text') + (event.text ? this.delta({ type: 'text_delta', text: event.text }) : '')
      case 'thinking_delta':
        return (
          this.open(event.index, 'thinking') + (event.text ? this.delta({ type: 'thinking_delta', thinking: event.text }) : '')
        )
      case 'signature':
        return this.signature(event.index, event.signature)
      case 'redacted_thinking':
        return this.open(event.index, 'redacted_thinking', { data: event.data }, true)
      case 'tool_call_start':
        return this.open(event.index, 'tool_use', { id: idWithSignature(event.id, event.signature), name: event.name }, true)
      case 'tool_call_delta':
        return this.current?.irIndex === event.index && this.current.kind === 'tool_use' && event.json
          ? this.delta({ type: 'input_json_delta', partial_json: event.json })
          : ''
      case 'part_end':
        return this.current?.irIndex === event.index ? this.close() : ''
      case 'usage':
        this.usage = { ...this.usage, ...event.usage }
        return ''
      case 'finish':
        return this.finish(event.reason, event.stopSequence, event.usage)
      case 'error':
        return this.error(event.error)
    }
  }

  end(): string {
    return ''
  }

  private start(id: string | undefined, usage: Partial<Usage> | undefined): string {
    if (this.started) return ''
    this.started = true
    this.usage = { ...this.usage, ...usage }
    const message = {
      id: anthropicMessageId(id),
      type: 'message',
      role: 'assistant',
      model: this.context.model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { ...usageFromIR(this.usage), output_tokens: this.usage.outputTokens ?? 1 },
    }
    return frame('message_start', { message }) + frame('ping')
  }

  /** message_start first, even when the upstream never sent a start. */
  private ensureStarted(): string {
    return this.started ? '' : this.start(undefined, undefined)
  }

  /** Make `irIndex` the open block (closing the previous one); '' when it already is. */
  private open(irIndex: number, kind: BlockKind, fields: Record<string, unknown> = {}, alwaysNew = false): string {
    if (!alwaysNew && this.current?.irIndex === irIndex && this.current.kind === kind) return ''
    const before = this.ensureStarted() + (this.current ? this.close() : '')
    const wireIndex = this.nextWireIndex++
    this.seen.add(irIndex)
    this.current = { irIndex, wireIndex, kind, signature: '' }
    return before + frame('content_block_start', { index: wireIndex, content_block: startBlock(kind, fields) })
  }

  private delta(delta: Record<string, unknown>): string {
    return frame('content_block_delta', { index: this.current?.wireIndex, delta })
  }

  private signature(irIndex: number, signature: string): string {
    if (this.current?.irIndex === irIndex) {
      // Gemini-style signatures on text have no place in Anthropic's format; a tool
      // call's rode in on its tool_call_start (the tool_use id carries it).
      if (this.current.kind === 'thinking') this.current.signature += signature
      return ''
    }
    if (this.seen.has(irIndex)) return ''
    // A thinking part that starts with its signature (no thinking text shown).
    const opened = this.open(irIndex, 'thinking')
    if (this.current) this.current.signature += signature
    return opened
  }

  private close(): string {
    const block = this.current
    if (!block) return ''
    this.current = undefined
    const signature = block.kind === 'thinking' && block.signature
      ? frame('content_block_delta', { index: block.wireIndex, delta: { type: 'signature_delta', signature: block.signature } })
      : ''
    return signature + frame('content_block_stop', { index: block.wireIndex })
  }

  private finish(reason: StopReason, stopSequence: string | null | undefined, usage: Usage): string {
    const out = this.ensureStarted() + this.close()
    this.done = true
    this.usage = { ...this.usage, ...usage }
    const messageDelta = frame('message_delta', {
      delta: { stop_reason: stopReasonFromIR(reason), stop_sequence: stopSequence ?? null },
      usage: deltaUsageFromIR(this.usage),
    })
    return out + messageDelta + frame('message_stop')
  }

  private error(error: GatewayError): string {
    this.done = true
    return renderStreamError(error)
  }
}

function startBlock(kind: BlockKind, fields: Record<string, unknown>): Record<string, unknown> {
  switch (kind) {
    case 'text':
      return { type: 'text', text: '' }
    case 'thinking':
      return { type: 'thinking', thinking: '', signature: '' }
    case 'redacted_thinking':
      return { type: 'redacted_thinking', data: fields.data }
    case 'tool_use':
      return { type: 'tool_use', id: fields.id, name: fields.name, input: {} }
  }
}

export function createStreamEncoder(context: EncodeContext): StreamEncoder {
  return new AnthropicStreamEncoder(context)
}
