/**
 * IR conversation -> Anthropic `messages`, respecting Anthropic's rules:
 * - roles alternate, so consecutive same-role turns are merged;
 * - in a user turn tool_result blocks come first (they must answer the
 *   previous assistant turn's tool_use blocks before anything else);
 * - in an assistant turn thinking / redacted_thinking blocks come first,
 *   unchanged, signatures byte for byte;
 * - empty text blocks are rejected by the API, so they are left out;
 * - thinking without a signature (another provider's reasoning) cannot be
 *   verified by Anthropic and is rejected, so it is left out too;
 * - tool ids are made to fit ^[a-zA-Z0-9_-]+$ (the same way for call and result);
 * - a final assistant turn is a prefill, which Anthropic rejects when it ends
 *   in whitespace ("Sure, "), so that whitespace is trimmed.
 */
import type { ImagePart, Message, Part, TextPart } from '../../ir/types.js'
import { withCacheControl } from './cache-control.js'
import { anthropicToolId } from './ids.js'
import { toolInputObject } from './tool-input.js'
import type {
  AnthropicContentBlock,
  AnthropicImageBlock,
  AnthropicImageSource,
  AnthropicMessageParam,
  AnthropicTextBlock,
} from './wire-types.js'

const DATA_URL = /^data:([^;,]+);base64,(.*)$/s

function imageSource(part: ImagePart): AnthropicImageSource {
  if (part.source.kind === 'base64') {
    return { type: 'base64', media_type: part.source.mediaType, data: part.source.data }
  }
  // A data: URL is inline base64 data, which Anthropic only accepts as such.
  const inline = DATA_URL.exec(part.source.url)
  if (inline) return { type: 'base64', media_type: inline[1], data: inline[2] }
  return { type: 'url', url: part.source.url }
}

export function textOrImageBlock(part: TextPart | ImagePart): AnthropicTextBlock | AnthropicImageBlock | undefined {
  if (part.type === 'text') {
    return part.text === '' ? undefined : { type: 'text', text: part.text, ...withCacheControl(part.cache) }
  }
  return { type: 'image', source: imageSource(part), ...withCacheControl(part.cache) }
}

export function partToBlock(part: Part): AnthropicContentBlock | undefined {
  switch (part.type) {
    case 'text':
    case 'image':
      return textOrImageBlock(part)
    case 'thinking':
      return part.signature ? { type: 'thinking', thinking: part.text, signature: part.signature } : undefined
    case 'redacted_thinking':
      return { type: 'redacted_thinking', data: part.data }
    case 'tool_call':
      return {
        type: 'tool_use',
        id: anthropicToolId(part.id),
        name: part.name,
        input: toolInputObject(part.input),
        ...withCacheControl(part.cache),
      }
    case 'tool_result': {
      const content = part.content.map(textOrImageBlock).filter((b) => b !== undefined)
      return {
        type: 'tool_result',
        tool_use_id: anthropicToolId(part.callId),
        ...(content.length > 0 ? { content } : {}),
        ...(part.isError ? { is_error: true } : {}),
        ...withCacheControl(part.cache),
      }
    }
  }
}

/** Stable partition: blocks matching `first` move to the front, order otherwise kept. */
function leading(blocks: AnthropicContentBlock[], first: (block: AnthropicContentBlock) => boolean) {
  return [...blocks.filter(first), ...blocks.filter((b) => !first(b))]
}

function orderBlocks(role: 'user' | 'assistant', blocks: AnthropicContentBlock[]): AnthropicContentBlock[] {
  return role === 'user'
    ? leading(blocks, (b) => b.type === 'tool_result')
    : leading(blocks, (b) => b.type === 'thinking' || b.type === 'redacted_thinking')
}

/** Trim the trailing whitespace of a final assistant turn (a prefill); a text block left empty goes. */
function trimPrefill(turn: { role: 'user' | 'assistant'; blocks: AnthropicContentBlock[] } | undefined): void {
  const last = turn?.blocks.at(-1)
  if (turn?.role !== 'assistant' || last?.type !== 'text') return
  const text = last.text.trimEnd()
  if (text === '') turn.blocks.pop()
  else turn.blocks[turn.blocks.length - 1] = { ...last, text }
}

export function messagesFromIR(messages: Message[]): AnthropicMessageParam[] {
  const turns: Array<{ role: 'user' | 'assistant'; blocks: AnthropicContentBlock[] }> = []
  for (const message of messages) {
    const blocks = message.parts.map(partToBlock).filter((b) => b !== undefined)
    if (blocks.length === 0) continue
    const previous = turns.at(-1)
    if (previous?.role === message.role) previous.blocks.push(...blocks)
    else turns.push({ role: message.role, blocks })
  }
  trimPrefill(turns.at(-1))
  if (turns.at(-1)?.blocks.length === 0) turns.pop()
  return turns.map((turn) => ({ role: turn.role, content: orderBlocks(turn.role, turn.blocks) }))
}
