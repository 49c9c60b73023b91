/**
 * An Anthropic Message (non-streaming response) -> IRResponse. Server tool
 * blocks (server_tool_use, *_tool_result) and other kinds the IR has no place
 * for are left out; text citations are dropped.
 */
import { GatewayError } from '../../ir/errors.js'
import type { IRResponse, OutputPart } from '../../ir/types.js'
import { stopReasonToIR } from './map-stop-reason.js'
import { usageToIR } from './map-usage.js'

type Block = Record<string, unknown>

const text = (value: unknown): string => (typeof value === 'string' ? value : '')

export function blockToPart(block: Block): OutputPart | undefined {
  switch (block.type) {
    case 'text':
      return { type: 'text', text: text(block.text) }
    case 'thinking':
      return typeof block.signature === 'string' && block.signature !== ''
        ? { type: 'thinking', text: text(block.thinking), signature: block.signature }
        : { type: 'thinking', text: text(block.thinking) }
    case 'redacted_thinking':
      return { type: 'redacted_thinking', data: text(block.data) }
    case 'tool_use':
      return { type: 'tool_call', id: text(block.id), name: text(block.name), input: block.input ?? {} }
    default:
      return undefined
  }
}

export function responseToIR(body: unknown): IRResponse {
  const message = body as Record<string, unknown> | null
  if (!message || typeof message !== 'object' || !Array.isArray(message.content)) {
    throw new GatewayError('bad_gateway', 'Anthropic answered with a body that is not a Message', { upstreamFormat: 'anthropic' })
  }
  const content = (message.content as Block[])
    .filter((block) => block && typeof block === 'object')
    .map(blockToPart)
    .filter((part) => part !== undefined)
  return {
    id: text(message.id),
    model: text(message.model),
    content,
    stopReason: stopReasonToIR(message.stop_reason),
    stopSequence: typeof message.stop_sequence === 'string' ? message.stop_sequence : null,
    usage: usageToIR(message.usage),
  }
}
