/**
 * The checks the real Messages API makes that a translating gateway can trip over,
 * with the real error texts: required fields, role order, empty content, tool_use /
 * tool_result pairing, thinking budgets, and thinking signatures (the fake only
 * accepts signatures and redacted data it issued itself).
 */
import { signThinking, verifyRedactedData } from '../signing.js'

type Json = Record<string, unknown>
type Block = { type?: unknown; [k: string]: unknown }
type Message = { role?: unknown; content?: unknown }

const KNOWN_BLOCK_TYPES = [
  'text',
  'image',
  'document',
  'search_result',
  'thinking',
  'redacted_thinking',
  'tool_use',
  'tool_result',
  'server_tool_use',
  'web_search_tool_result',
  'web_fetch_tool_result',
  'code_execution_tool_result',
  'bash_code_execution_tool_result',
  'text_editor_code_execution_tool_result',
  'mcp_tool_use',
  'mcp_tool_result',
  'container_upload',
]

const THINKING_DOCS = 'https://docs.claude.com/en/docs/build-with-claude/extended-thinking'

/** Returns the error message of the first rule broken, or null. */
export function validateAnthropicMessages(body: Json, secret: string): string | null {
  return validateAnthropicShape(body, true) ?? validateThinkingConfig(body) ?? validateMessages(body.messages as Message[], body, secret)
}

export function validateAnthropicCountTokens(body: Json, secret: string): string | null {
  return validateAnthropicShape(body, false) ?? validateMessages(body.messages as Message[], body, secret)
}

function validateAnthropicShape(body: Json, needsMaxTokens: boolean): string | null {
  if (body.model === undefined) return 'model: Field required'
  if (typeof body.model !== 'string') return 'model: Input should be a valid string'
  if (needsMaxTokens && body.max_tokens === undefined) return 'max_tokens: Field required'
  if (needsMaxTokens && (!Number.isInteger(body.max_tokens) || (body.max_tokens as number) < 1))
    return 'max_tokens: Input should be greater than or equal to 1'
  if (body.messages === undefined) return 'messages: Field required'
  if (!Array.isArray(body.messages)) return 'messages: Input should be a valid list'
  if (body.messages.length === 0) return 'messages: at least one message is required'
  return null
}

function validateThinkingConfig(body: Json): string | null {
  const thinking = body.thinking as { type?: string; budget_tokens?: number } | undefined
  if (thinking?.type !== 'enabled') return null
  if (typeof thinking.budget_tokens !== 'number') return 'thinking.enabled.budget_tokens: Field required'
  if (thinking.budget_tokens < 1024) return 'thinking.enabled.budget_tokens: Input should be greater than or equal to 1024'
  if (thinking.budget_tokens >= (body.max_tokens as number))
    return `\`max_tokens\` must be greater than \`thinking.budget_tokens\`. Please consult our documentation at ${THINKING_DOCS}#max-tokens-and-context-window-size`
  return null
}

function thinkingOn(body: Json): boolean {
  const type = (body.thinking as { type?: string } | undefined)?.type
  return type === 'enabled' || type === 'adaptive'
}

const blocksOf = (m: Message): Block[] => (Array.isArray(m.content) ? (m.content as Block[]) : typeof m.content === 'string' ? [{ type: 'text', text: m.content }] : [])

function validateMessages(messages: Message[], body: Json, secret: string): string | null {
  for (let i = 0; i < messages.length; i++) {
    const error = validateMessage(messages, i, secret)
    if (error) return error
  }
  return validateToolPairing(messages) ?? validateThinkingTurns(messages, body)
}

function validateMessage(messages: Message[], i: number, secret: string): string | null {
  const m = messages[i]
  if (m.role !== 'user' && m.role !== 'assistant') return `messages.${i}.role: Input should be 'user' or 'assistant'`
  if (i === 0 && m.role !== 'user') return 'messages: first message must use the "user" role'
  if (i > 0 && messages[i - 1].role === m.role)
    return `messages: roles must alternate between "user" and "assistant", but found multiple "${m.role}" roles in a row`
  const isFinalAssistant = i === messages.length - 1 && m.role === 'assistant'
  if (m.content === undefined) return `messages.${i}.content: Field required`
  const empty = (typeof m.content === 'string' && m.content === '') || (Array.isArray(m.content) && m.content.length === 0)
  if (empty && !isFinalAssistant) return `messages.${i}: all messages must have non-empty content except for the optional final assistant message`
  if (typeof m.content !== 'string' && !Array.isArray(m.content)) return `messages.${i}.content: Input should be a valid string or list`
  const blocks = blocksOf(m)
  for (let j = 0; j < blocks.length; j++) {
    const error = validateBlock(blocks[j], i, j, m.role, secret)
    if (error) return error
  }
  if (isFinalAssistant && /\s$/.test(finalText(blocks))) return 'messages: final assistant content cannot end with trailing whitespace'
  return null
}

function finalText(blocks: Block[]): string {
  const last = blocks[blocks.length - 1]
  return last?.type === 'text' && typeof last.text === 'string' ? last.text : ''
}

function validateBlock(block: Block, i: number, j: number, role: unknown, secret: string): string | null {
  const at = `messages.${i}.content.${j}`
  if (!block || typeof block !== 'object' || typeof block.type !== 'string') return `${at}.type: Field required`
  if (!KNOWN_BLOCK_TYPES.includes(block.type))
    return `${at}: Input tag '${block.type}' found using 'type' does not match any of the expected tags: ${KNOWN_BLOCK_TYPES.map((t) => `'${t}'`).join(', ')}`
  if (block.type === 'text') {
    if (typeof block.text !== 'string') return `${at}.text.text: Field required`
    if (block.text === '') return 'messages: text content blocks must be non-empty'
  }
  if (block.type === 'thinking' && role === 'assistant') return validateThinkingBlock(block, at, secret)
  if (block.type === 'redacted_thinking' && role === 'assistant') {
    if (block.data === undefined) return `${at}.redacted_thinking.data: Field required`
    if (!verifyRedactedData(secret, block.data)) return `${at}: Invalid \`data\` in \`redacted_thinking\` block`
  }
  if (block.type === 'tool_use' && (typeof block.id !== 'string' || typeof block.name !== 'string'))
    return `${at}.tool_use.${typeof block.id !== 'string' ? 'id' : 'name'}: Field required`
  if (block.type === 'tool_result' && typeof block.tool_use_id !== 'string') return `${at}.tool_result.tool_use_id: Field required`
  return null
}

function validateThinkingBlock(block: Block, at: string, secret: string): string | null {
  if (typeof block.thinking !== 'string') return `${at}.thinking.thinking: Field required`
  if (block.signature === undefined) return `${at}.thinking.signature: Field required`
  if (block.signature !== signThinking(secret, block.thinking)) return `${at}: Invalid \`signature\` in \`thinking\` block`
  return null
}

/** Every tool_result answers a tool_use of the message before; then every tool_use is answered. */
function validateToolPairing(messages: Message[]): string | null {
  return validateToolResults(messages) ?? validateToolUsesAnswered(messages)
}

function validateToolResults(messages: Message[]): string | null {
  for (let i = 0; i < messages.length; i++) {
    if (messages[i].role !== 'user') continue
    const previousIds = new Set(i > 0 ? blocksOf(messages[i - 1]).filter((b) => b.type === 'tool_use').map((b) => b.id) : [])
    const blocks = blocksOf(messages[i])
    for (let j = 0; j < blocks.length; j++) {
      const b = blocks[j]
      if (b.type === 'tool_result' && !previousIds.has(b.tool_use_id))
        return `messages.${i}.content.${j}: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${String(b.tool_use_id)}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`
    }
  }
  return null
}

function validateToolUsesAnswered(messages: Message[]): string | null {
  for (let i = 0; i < messages.length - 1; i++) {
    const m = messages[i]
    if (m.role === 'assistant') {
      const answered = new Set(blocksOf(messages[i + 1]).filter((b) => b.type === 'tool_result').map((b) => b.tool_use_id))
      const missing = blocksOf(m)
        .filter((b) => b.type === 'tool_use' && !answered.has(b.id))
        .map((b) => String(b.id))
      if (missing.length)
        return `messages.${i + 1}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${missing.join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`
    }
  }
  return null
}

/**
 * With thinking on, the assistant turn of an ongoing tool loop must open with its
 * thinking; with thinking off, a final (prefill) assistant message cannot carry thinking.
 */
function validateThinkingTurns(messages: Message[], body: Json): string | null {
  const last = messages.length - 1
  if (!thinkingOn(body)) {
    if (messages[last].role !== 'assistant') return null
    const j = blocksOf(messages[last]).findIndex((b) => b.type === 'thinking' || b.type === 'redacted_thinking')
    return j < 0
      ? null
      : `messages.${last}.content.${j}: When thinking is disabled, an \`assistant\` message in the final position cannot contain \`thinking\`. To use thinking blocks, enable \`thinking\` in your request.`
  }
  const loopOpen = messages[last].role === 'user' && blocksOf(messages[last]).some((b) => b.type === 'tool_result')
  if (!loopOpen || last < 1) return null
  const assistant = blocksOf(messages[last - 1])
  if (!assistant.some((b) => b.type === 'tool_use')) return null
  const first = assistant[0]?.type
  if (first === 'thinking' || first === 'redacted_thinking') return null
  return (
    `messages.${last - 1}.content.0.type: Expected \`thinking\` or \`redacted_thinking\`, but found \`${String(first)}\`. ` +
    'When `thinking` is enabled, a final `assistant` message must start with a thinking block (preceeding the lastmost set of `tool_use` and `tool_result` blocks). ' +
    'We recommend you include thinking blocks from previous turns. To avoid this requirement, disable `thinking`. ' +
    `Please consult our documentation at ${THINKING_DOCS}`
  )
}
