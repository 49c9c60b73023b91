/**
 * Anthropic request content blocks -> IR parts, with full validation. Blocks
 * that only Anthropic can act on (documents, server tool traffic, ...) are
 * refused with a 400 that says so: this parser runs only when the request is
 * being translated for another provider.
 */
import type { ImagePart, ImageSource, Part, TextPart, ToolResultPart } from '../../ir/types.js'
import { parseCacheControl } from './cache-control.js'
import {
  FIELD_REQUIRED,
  invalid,
  isRecord,
  NOT_LIST,
  NOT_OBJECT,
  optionalBoolean,
  optionalString,
  type Path,
  requireString,
} from './invalid.js'
import { splitIdSignature } from './tool-id-signature.js'

/** Content block types Anthropic accepts but no other provider can be given. */
const ANTHROPIC_ONLY_BLOCKS = new Set([
  'document',
  'search_result',
  'server_tool_use',
  'web_search_tool_result',
  'web_fetch_tool_result',
  'code_execution_tool_result',
  'bash_code_execution_tool_result',
  'text_editor_code_execution_tool_result',
  'tool_search_tool_result',
  'tool_reference',
  'container_upload',
  'mcp_tool_use',
  'mcp_tool_result',
])

const ROLE_OF_BLOCK: Record<string, 'user' | 'assistant'> = {
  tool_result: 'user',
  tool_use: 'assistant',
  thinking: 'assistant',
  redacted_thinking: 'assistant',
}

function untranslatable(path: Path, what: string) {
  return invalid(
    path,
    `${what} cannot be translated for a non-Anthropic provider; send this request to an Anthropic model or leave it out`,
  )
}

function unknownType(path: Path, type: unknown) {
  return invalid([...path, 'type'], `Input tag '${String(type)}' found using 'type' does not match any of the expected tags`)
}

export function parseTextBlock(block: Record<string, unknown>, path: Path): TextPart {
  const text = requireString(block.text, [...path, 'text'])
  const cache = parseCacheControl(block.cache_control, [...path, 'cache_control'])
  return cache ? { type: 'text', text, cache } : { type: 'text', text }
}

function parseImageSource(source: unknown, path: Path): ImageSource {
  if (source === undefined) throw invalid(path, FIELD_REQUIRED)
  if (!isRecord(source)) throw invalid(path, NOT_OBJECT)
  switch (source.type) {
    case 'base64':
      return {
        kind: 'base64',
        mediaType: requireString(source.media_type, [...path, 'media_type']),
        data: requireString(source.data, [...path, 'data']),
      }
    case 'url':
      return { kind: 'url', url: requireString(source.url, [...path, 'url']) }
    case 'file':
      throw untranslatable([...path, 'type'], "Image sources of type 'file' (Files API)")
    default:
      throw unknownType(path, source.type)
  }
}

function parseImageBlock(block: Record<string, unknown>, path: Path): ImagePart {
  const source = parseImageSource(block.source, [...path, 'source'])
  const cache = parseCacheControl(block.cache_control, [...path, 'cache_control'])
  return cache ? { type: 'image', source, cache } : { type: 'image', source }
}

function parseToolResultContent(content: unknown, path: Path): Array<TextPart | ImagePart> {
  if (content === undefined || content === null) return []
  if (typeof content === 'string') return content === '' ? [] : [{ type: 'text', text: content }]
  if (!Array.isArray(content)) throw invalid(path, NOT_LIST)
  return content.map((block, i) => {
    const where = [...path, i]
    if (!isRecord(block)) throw invalid(where, NOT_OBJECT)
    if (block.type === 'text') return parseTextBlock(block, where)
    if (block.type === 'image') return parseImageBlock(block, where)
    if (typeof block.type === 'string' && ANTHROPIC_ONLY_BLOCKS.has(block.type)) {
      throw untranslatable([...where, 'type'], `'${block.type}' blocks inside a tool_result`)
    }
    throw unknownType(where, block.type)
  })
}

function parseToolResultBlock(block: Record<string, unknown>, path: Path): ToolResultPart {
  const part: ToolResultPart = {
    type: 'tool_result',
    callId: splitIdSignature(requireString(block.tool_use_id, [...path, 'tool_use_id'])).id,
    content: parseToolResultContent(block.content, [...path, 'content']),
  }
  const isError = optionalBoolean(block.is_error, [...path, 'is_error'])
  if (isError !== undefined) part.isError = isError
  const cache = parseCacheControl(block.cache_control, [...path, 'cache_control'])
  if (cache) part.cache = cache
  return part
}

function parseToolUseInput(input: unknown, path: Path): Record<string, unknown> {
  if (input === undefined) throw invalid(path, FIELD_REQUIRED)
  if (!isRecord(input)) throw invalid(path, NOT_OBJECT)
  return input
}

export function parseContentBlock(block: unknown, path: Path, role: 'user' | 'assistant'): Part {
  if (!isRecord(block)) throw invalid(path, NOT_OBJECT)
  const type = block.type
  if (type === undefined) throw invalid([...path, 'type'], FIELD_REQUIRED)
  const requiredRole = typeof type === 'string' ? ROLE_OF_BLOCK[type] : undefined
  if (requiredRole && requiredRole !== role) {
    throw invalid(path, `${String(type)} blocks are only allowed in ${requiredRole} messages`)
  }
  switch (type) {
    case 'text':
      return parseTextBlock(block, path)
    case 'image':
      return parseImageBlock(block, path)
    case 'tool_use': {
      const cache = parseCacheControl(block.cache_control, [...path, 'cache_control'])
      const { id, signature } = splitIdSignature(requireString(block.id, [...path, 'id']))
      return {
        type: 'tool_call',
        id,
        name: requireString(block.name, [...path, 'name']),
        input: parseToolUseInput(block.input, [...path, 'input']),
        ...(signature ? { signature } : {}),
        ...(cache ? { cache } : {}),
      }
    }
    case 'tool_result':
      return parseToolResultBlock(block, path)
    case 'thinking': {
      const signature = optionalString(block.signature, [...path, 'signature'])
      const text = requireString(block.thinking, [...path, 'thinking'])
      return signature === undefined ? { type: 'thinking', text } : { type: 'thinking', text, signature }
    }
    case 'redacted_thinking':
      return { type: 'redacted_thinking', data: requireString(block.data, [...path, 'data']) }
    default:
      if (typeof type === 'string' && ANTHROPIC_ONLY_BLOCKS.has(type)) {
        throw untranslatable([...path, 'type'], `'${type}' content blocks`)
      }
      throw unknownType(path, type)
  }
}

/** A message's `content`: a string is one text part. */
export function parseMessageContent(content: unknown, path: Path, role: 'user' | 'assistant'): Part[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }]
  if (!Array.isArray(content)) throw invalid(path, NOT_LIST)
  return content.map((block, i) => parseContentBlock(block, [...path, i], role))
}
