/**
 * Anthropic SSE events -> IR stream events, one upstream event at a time.
 *
 * - message_start -> `start` (a repeated message_start is ignored).
 * - content_block_* -> part events. Blocks the IR cannot carry (server_tool_use,
 *   *_tool_result, future kinds) are skipped and the remaining blocks are
 *   renumbered 0, 1, 2 ... so IR indices stay contiguous.
 * - message_delta -> remembered stop reason, stop sequence and usage (its
 *   counters are whole-message totals and overwrite message_start's, including a
 *   repeated or corrected input_tokens).
 * - message_stop -> `finish` with the combined usage.
 * - `error` event -> `error` with the upstream type kept; ping is ignored.
 * - end() before message_stop -> a bad_gateway error: the stream was cut short.
 */
import { type ErrorKind, GatewayError } from '../../ir/errors.js'
import type { StopReason, StreamEvent, Usage } from '../../ir/types.js'
import type { SSEMessage, StreamDecoder } from '../types.js'
import { stopReasonToIR } from './map-stop-reason.js'
import { partialUsageToIR } from './map-usage.js'

type Json = Record<string, unknown>

const KIND_FOR_TYPE: Record<string, ErrorKind> = {
  invalid_request_error: 'invalid_request',
  authentication_error: 'authentication',
  billing_error: 'billing',
  permission_error: 'permission',
  not_found_error: 'not_found',
  request_too_large: 'request_too_large',
  rate_limit_error: 'rate_limit',
  timeout_error: 'timeout',
  api_error: 'api_error',
  overloaded_error: 'overloaded',
}

/** The kind for an Anthropic error type (in-stream errors carry no HTTP status). */
export function kindForAnthropicType(type: string | undefined): ErrorKind {
  return (type && KIND_FOR_TYPE[type]) || 'api_error'
}

interface OpenBlock {
  index: number
  /** Input a tool_use block came with; used only if no input_json_delta follows. */
  initialInput?: unknown
  sawJson?: boolean
}

export class AnthropicStreamDecoder implements StreamDecoder {
  private started = false
  private done = false
  private nextIndex = 0
  private readonly open = new Map<number, OpenBlock>()
  private usage: Partial<Usage> = {}
  private stopReason: StopReason | undefined
  private stopSequence: string | null = null

  decode(message: SSEMessage): StreamEvent[] {
    if (this.done) return []
    let data: Json
    try {
      data = JSON.parse(message.data) as Json
    } catch {
      return this.fail(new GatewayError('bad_gateway', 'Anthropic sent a stream event that is not JSON', { upstreamFormat: 'anthropic' }))
    }
    if (!data || typeof data !== 'object') return []
    const type = typeof data.type === 'string' ? data.type : message.event
    switch (type) {
      case 'message_start':
        return this.messageStart(data.message as Json | undefined)
      case 'content_block_start':
        return this.blockStart(data.index as number, (data.content_block ?? {}) as Json)
      case 'content_block_delta':
        return this.blockDelta(data.index as number, (data.delta ?? {}) as Json)
      case 'content_block_stop':
        return this.blockStop(data.index as number)
      case 'message_delta':
        return this.messageDelta(data)
      case 'message_stop':
        return this.messageStop()
      case 'error':
        return this.upstreamError(data, message.data)
      default:
        // ping and event kinds this gateway does not know
        return []
    }
  }

  end(): StreamEvent[] {
    if (this.done) return []
    return this.fail(new GatewayError('bad_gateway', 'upstream stream ended before completion', { upstreamFormat: 'anthropic' }))
  }

  private fail(error: GatewayError): StreamEvent[] {
    this.done = true
    return [{ type: 'error', error }]
  }

  private messageStart(message: Json | undefined): StreamEvent[] {
    if (this.started) return []
    this.started = true
    this.usage = partialUsageToIR(message?.usage)
    const id = typeof message?.id === 'string' ? message.id : ''
    const model = typeof message?.model === 'string' ? message.model : ''
    return [{ type: 'start', id, model, usage: { ...this.usage } }]
  }

  private blockStart(upstreamIndex: number, block: Json): StreamEvent[] {
    const claim = (extra: Partial<OpenBlock> = {}): number => {
      const index = this.nextIndex++
      this.open.set(upstreamIndex, { index, ...extra })
      return index
    }
    const str = (value: unknown) => (typeof value === 'string' ? value : '')
    switch (block.type) {
      case 'text':
        // An empty text_delta opens the part, so an empty block still exists.
        return [{ type: 'text_delta', index: claim(), text: str(block.text) }]
      case 'thinking': {
        const index = claim()
        const events: StreamEvent[] = [{ type: 'thinking_delta', index, text: str(block.thinking) }]
        if (str(block.signature)) events.push({ type: 'signature', index, signature: str(block.signature) })
        return events
      }
      case 'redacted_thinking':
        return [{ type: 'redacted_thinking', index: claim(), data: str(block.data) }]
      case 'tool_use':
        return [{ type: 'tool_call_start', index: claim({ initialInput: block.input }), id: str(block.id), name: str(block.name) }]
      default:
        return []
    }
  }

  private blockDelta(upstreamIndex: number, delta: Json): StreamEvent[] {
    const block = this.open.get(upstreamIndex)
    if (!block) return []
    const index = block.index
    switch (delta.type) {
      case 'text_delta':
        return typeof delta.text === 'string' && delta.text !== '' ? [{ type: 'text_delta', index, text: delta.text }] : []
      case 'thinking_delta':
        return typeof delta.thinking === 'string' && delta.thinking !== ''
          ? [{ type: 'thinking_delta', index, text: delta.thinking }]
          : []
      case 'signature_delta':
        return typeof delta.signature === 'string' ? [{ type: 'signature', index, signature: delta.signature }] : []
      case 'input_json_delta':
        if (typeof delta.partial_json !== 'string' || delta.partial_json === '') return []
        block.sawJson = true
        return [{ type: 'tool_call_delta', index, json: delta.partial_json }]
      default:
        // citations_delta and future kinds
        return []
    }
  }

  private blockStop(upstreamIndex: number): StreamEvent[] {
    const block = this.open.get(upstreamIndex)
    if (!block) return []
    this.open.delete(upstreamIndex)
    return [...this.initialInput(block), { type: 'part_end', index: block.index }]
  }

  /** A tool_use that arrived whole in content_block_start (no deltas) still delivers its input. */
  private initialInput(block: OpenBlock): StreamEvent[] {
    const input = block.initialInput
    if (block.sawJson || !input || typeof input !== 'object' || Object.keys(input).length === 0) return []
    return [{ type: 'tool_call_delta', index: block.index, json: JSON.stringify(input) }]
  }

  private messageDelta(data: Json): StreamEvent[] {
    const delta = (data.delta ?? {}) as Json
    if (delta.stop_reason !== undefined && delta.stop_reason !== null) this.stopReason = stopReasonToIR(delta.stop_reason)
    if (typeof delta.stop_sequence === 'string') this.stopSequence = delta.stop_sequence
    this.usage = { ...this.usage, ...partialUsageToIR(data.usage) }
    return []
  }

  private messageStop(): StreamEvent[] {
    const events: StreamEvent[] = []
    for (const block of this.open.values()) events.push(...this.initialInput(block), { type: 'part_end', index: block.index })
    this.open.clear()
    this.done = true
    const usage: Usage = { inputTokens: 0, outputTokens: 0, ...this.usage }
    events.push({ type: 'finish', reason: this.stopReason ?? 'other', stopSequence: this.stopSequence, usage })
    return events
  }

  private upstreamError(data: Json, raw: string): StreamEvent[] {
    const error = (data.error ?? {}) as Json
    const type = typeof error.type === 'string' ? error.type : undefined
    const message = typeof error.message === 'string' && error.message ? error.message : 'Anthropic reported an error mid-stream'
    return this.fail(
      new GatewayError(kindForAnthropicType(type), message, { upstreamType: type, upstreamFormat: 'anthropic', upstreamBody: raw }),
    )
  }
}

export function createStreamDecoder(): StreamDecoder {
  return new AnthropicStreamDecoder()
}
