/** IRResponse -> the Message object Anthropic's non-streaming API returns. */
import type { IRResponse, OutputPart } from '../../ir/types.js'
import type { EncodeContext } from '../types.js'
import { anthropicMessageId } from './ids.js'
import { stopReasonFromIR } from './map-stop-reason.js'
import { usageFromIR } from './map-usage.js'
import { idWithSignature } from './tool-id-signature.js'
import { toolInputObject } from './tool-input.js'
import type { AnthropicMessage, AnthropicResponseBlock } from './wire-types.js'

export function partToResponseBlock(part: OutputPart): AnthropicResponseBlock {
  switch (part.type) {
    case 'text':
      return { type: 'text', text: part.text }
    case 'thinking':
      return { type: 'thinking', thinking: part.text, signature: part.signature ?? '' }
    case 'redacted_thinking':
      return { type: 'redacted_thinking', data: part.data }
    case 'tool_call':
      // Ids are kept as the provider made them: they must reach it again unchanged
      // (a Gemini call's signature rides along in it, see tool-id-signature.ts).
      return { type: 'tool_use', id: idWithSignature(part.id, part.signature), name: part.name, input: toolInputObject(part.input) }
  }
}

export function responseFromIR(response: IRResponse, context: EncodeContext): AnthropicMessage {
  return {
    id: anthropicMessageId(response.id),
    type: 'message',
    role: 'assistant',
    model: context.model,
    content: response.content.map(partToResponseBlock),
    stop_reason: stopReasonFromIR(response.stopReason),
    stop_sequence: response.stopSequence ?? null,
    usage: usageFromIR(response.usage),
  }
}
