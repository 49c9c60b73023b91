/** OpenAI Chat Completions bodies as a printable transcript. */
import { asArray, type Block, describeImage, isObject, type Json, pickParams, type RequestView, type ResponseView, str, type Turn } from './transcript.js'

const PARAMS = [
  'temperature',
  'top_p',
  'max_tokens',
  'max_completion_tokens',
  'reasoning_effort',
  'tool_choice',
  'parallel_tool_calls',
  'response_format',
  'stop',
  'seed',
  'n',
  'stream_options',
]

function partBlock(part: unknown): Block {
  if (typeof part === 'string') return { kind: 'text', text: part }
  if (!isObject(part)) return { kind: 'other', type: typeof part, json: str(part) }
  switch (part.type) {
    case 'text':
      return { kind: 'text', text: str(part.text) }
    case 'refusal':
      return { kind: 'text', text: `(refusal) ${str(part.refusal)}` }
    case 'image_url': {
      const image = isObject(part.image_url) ? part.image_url : {}
      return { kind: 'image', description: describeImage(undefined, undefined, str(image.url)) }
    }
    default:
      return { kind: 'other', type: str(part.type), json: str(part) }
  }
}

function contentBlocks(content: unknown): Block[] {
  if (content === null || content === undefined || content === '') return []
  if (typeof content === 'string') return [{ kind: 'text', text: content }]
  return asArray(content).map(partBlock)
}

function toolCallBlocks(calls: unknown): Block[] {
  return asArray(calls).map((call) => {
    const c = isObject(call) ? call : {}
    const fn = isObject(c.function) ? c.function : {}
    return { kind: 'tool_call', id: typeof c.id === 'string' ? c.id : undefined, name: str(fn.name), input: str(fn.arguments ?? '') }
  })
}

/** An assistant message (request history or response): reasoning, content, refusal, tool calls. */
function assistantBlocks(message: Json): Block[] {
  const blocks: Block[] = []
  const reasoning = message.reasoning_content ?? message.reasoning
  if (typeof reasoning === 'string' && reasoning) blocks.push({ kind: 'thinking', text: reasoning })
  blocks.push(...contentBlocks(message.content))
  if (typeof message.refusal === 'string' && message.refusal) blocks.push({ kind: 'text', text: `(refusal) ${message.refusal}` })
  blocks.push(...toolCallBlocks(message.tool_calls))
  return blocks
}

function messageTurn(message: unknown): Turn {
  if (!isObject(message)) return { role: '?', blocks: [{ kind: 'other', type: typeof message, json: str(message) }] }
  const role = str(message.role)
  if (role === 'tool') {
    const content = contentBlocks(message.content)
      .map((b) => (b.kind === 'text' ? b.text : str(b)))
      .join('\n')
    return { role: 'tool result', blocks: [{ kind: 'tool_result', id: str(message.tool_call_id), content }] }
  }
  const note = typeof message.name === 'string' ? message.name : undefined
  return { role, note, blocks: role === 'assistant' ? assistantBlocks(message) : contentBlocks(message.content) }
}

export function openaiRequestView(body: Json): RequestView {
  const messages = asArray(body.messages)
  const isSystem = (m: unknown) => isObject(m) && (m.role === 'system' || m.role === 'developer')
  return {
    params: pickParams(body, PARAMS),
    tools: asArray(body.tools).map((tool) => (isObject(tool) && isObject(tool.function) ? str(tool.function.name) : str(tool))),
    system: messages.filter(isSystem).flatMap((m) => contentBlocks((m as Json).content)),
    turns: messages.filter((m) => !isSystem(m)).map(messageTurn),
  }
}

export function openaiResponseView(body: Json): ResponseView {
  const choice = isObject(asArray(body.choices)[0]) ? (asArray(body.choices)[0] as Json) : {}
  const message = isObject(choice.message) ? choice.message : {}
  return {
    id: typeof body.id === 'string' ? body.id : undefined,
    model: typeof body.model === 'string' ? body.model : undefined,
    stop: typeof choice.finish_reason === 'string' ? choice.finish_reason : null,
    turn: { role: 'assistant', blocks: assistantBlocks(message) },
  }
}
