/**
 * IR system and turns as OpenAI `messages`. Tool results leave their user turn
 * as separate `tool` messages, placed before the rest of that turn's content,
 * since OpenAI requires them right after the assistant's tool calls.
 *
 * Cache hints are dropped: OpenAI rejects unknown fields such as
 * `cache_control` and caches prompts by itself.
 */
import type { ImagePart, IRRequest, Message, TextPart, ToolResultPart } from '../../ir/types.js'
import type { OpenAIQuirks } from '../types.js'
import { stringifyArguments } from './tool-arguments.js'
import type { OpenAIContentPart, OpenAIImagePart, OpenAIMessage, OpenAIToolCall } from './wire-types.js'

function imagePart(part: ImagePart): OpenAIImagePart {
  const url = part.source.kind === 'base64' ? `data:${part.source.mediaType};base64,${part.source.data}` : part.source.url
  return { type: 'image_url', image_url: part.detail ? { url, detail: part.detail } : { url } }
}

/** A plain string when the content is one text part, else content parts. */
function userContent(parts: Array<TextPart | ImagePart>): string | OpenAIContentPart[] {
  if (parts.length === 1 && parts[0].type === 'text') return parts[0].text
  return parts.map((part) => (part.type === 'text' ? { type: 'text', text: part.text } : imagePart(part)))
}

function systemMessage(system: TextPart[]): OpenAIMessage[] {
  if (system.length === 0) return []
  return [{ role: 'system', content: system.map((part) => part.text).join('\n\n') }]
}

function toolMessage(result: ToolResultPart): OpenAIMessage {
  const text = result.content.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('\n')
  return { role: 'tool', tool_call_id: result.callId, content: text }
}

function userMessages(message: Message): OpenAIMessage[] {
  const out: OpenAIMessage[] = []
  const rest: Array<TextPart | ImagePart> = []
  for (const part of message.parts) {
    if (part.type === 'tool_result') {
      out.push(toolMessage(part))
      // OpenAI tool messages take text only; a result's images follow in the user message.
      rest.push(...part.content.filter((item): item is ImagePart => item.type === 'image'))
    } else if (part.type === 'text' || part.type === 'image') {
      rest.push(part)
    }
  }
  if (rest.length > 0) out.push({ role: 'user', content: userContent(rest) })
  return out
}

function assistantMessage(message: Message, quirks: OpenAIQuirks): OpenAIMessage {
  const text = message.parts.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('')
  const toolCalls: OpenAIToolCall[] = message.parts.flatMap((part) =>
    part.type === 'tool_call' ? [{ id: part.id, type: 'function' as const, function: { name: part.name, arguments: stringifyArguments(part.input) } }] : [],
  )
  const result: Extract<OpenAIMessage, { role: 'assistant' }> = {
    role: 'assistant',
    content: text === '' && toolCalls.length > 0 ? null : text,
  }
  if (toolCalls.length > 0) result.tool_calls = toolCalls
  if (quirks.reasoningContentInput) {
    const thinking = message.parts.flatMap((part) => (part.type === 'thinking' ? [part.text] : [])).join('')
    if (thinking) result.reasoning_content = thinking
  }
  return result
}

export function messagesToOpenAI(request: IRRequest, quirks: OpenAIQuirks): OpenAIMessage[] {
  const messages = systemMessage(request.system)
  for (const message of request.messages) {
    if (message.role === 'user') messages.push(...userMessages(message))
    else messages.push(assistantMessage(message, quirks))
  }
  return messages
}
