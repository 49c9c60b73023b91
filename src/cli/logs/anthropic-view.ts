/** Anthropic Messages bodies as a printable transcript. */
import { asArray, type Block, describeImage, isObject, type Json, pickParams, type RequestView, type ResponseView, str } from './transcript.js'

const PARAMS = ['max_tokens', 'temperature', 'top_p', 'top_k', 'thinking', 'tool_choice', 'stop_sequences', 'metadata', 'service_tier']

function resultText(content: unknown): string {
  if (typeof content === 'string') return content
  return asArray(content)
    .map((block) => {
      const b = blockOf(block)
      return b.kind === 'text' ? b.text : b.kind === 'image' ? `[image ${b.description}]` : str(block)
    })
    .join('\n')
}

function blockOf(block: unknown): Block {
  if (typeof block === 'string') return { kind: 'text', text: block }
  if (!isObject(block)) return { kind: 'other', type: typeof block, json: str(block) }
  switch (block.type) {
    case 'text':
      return { kind: 'text', text: str(block.text), cached: block.cache_control !== undefined }
    case 'thinking':
      return { kind: 'thinking', text: str(block.thinking), signed: typeof block.signature === 'string' && block.signature !== '' }
    case 'redacted_thinking':
      return { kind: 'redacted_thinking' }
    case 'tool_use':
    case 'server_tool_use':
      return { kind: 'tool_call', id: str(block.id), name: str(block.name), input: str(block.input ?? {}) }
    case 'tool_result':
      return { kind: 'tool_result', id: str(block.tool_use_id), content: resultText(block.content), isError: block.is_error === true }
    case 'image': {
      const source = isObject(block.source) ? block.source : {}
      return { kind: 'image', description: describeImage(str(source.media_type), typeof source.data === 'string' ? source.data : undefined, typeof source.url === 'string' ? source.url : undefined) }
    }
    default:
      return { kind: 'other', type: str(block.type), json: str(block) }
  }
}

function blocks(content: unknown): Block[] {
  if (content === null || content === undefined) return []
  if (typeof content === 'string') return [{ kind: 'text', text: content }]
  return asArray(content).map(blockOf)
}

export function anthropicRequestView(body: Json): RequestView {
  return {
    params: pickParams(body, PARAMS),
    tools: asArray(body.tools).map((tool) => (isObject(tool) ? str(tool.name ?? tool.type) : str(tool))),
    system: blocks(body.system),
    turns: asArray(body.messages).map((message) => {
      const m = isObject(message) ? message : {}
      return { role: str(m.role), blocks: blocks(m.content) }
    }),
  }
}

export function anthropicResponseView(body: Json): ResponseView {
  return {
    id: typeof body.id === 'string' ? body.id : undefined,
    model: typeof body.model === 'string' ? body.model : undefined,
    stop: typeof body.stop_reason === 'string' ? body.stop_reason : null,
    turn: { role: 'assistant', blocks: blocks(body.content) },
  }
}
