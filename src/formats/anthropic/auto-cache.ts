/**
 * Automatic prompt caching for requests that carry no cache hints of their own
 * (typical of OpenAI-format clients, which have no way to send them).
 *
 * Anthropic caches the prefix up to a `cache_control` breakpoint, in the order
 * tools -> system -> messages, allows at most 4 breakpoints, and ignores
 * prefixes shorter than a model minimum (1,024 tokens for most models). The rule:
 * - one breakpoint on the last tool definition,
 * - one on the last system block,
 * - one on the last block of each of the last two user turns (the newest writes
 *   the cache for the next call; the one before reads what the previous call
 *   wrote),
 * each placed only when the estimated prefix up to it (tools + system + messages
 * so far, see src/ir/estimate-tokens.ts) is at least MIN_CACHEABLE_TOKENS.
 * Requests that carry any client hint are left exactly as the client sent them.
 */
import { estimatePartTokens, estimateTextTokens, IMAGE_TOKENS } from '../../ir/estimate-tokens.js'
import type { IRRequest } from '../../ir/types.js'
import type { AnthropicCacheControl, AnthropicContentBlock, AnthropicMessageParam, AnthropicRequest } from './wire-types.js'

export const MIN_CACHEABLE_TOKENS = 1024
export const MAX_BREAKPOINTS = 4
const USER_TURNS_TO_MARK = 2

const breakpoint = (): AnthropicCacheControl => ({ type: 'ephemeral' })

/** Does the IR request carry any cache hint anywhere? */
export function hasCacheHints(request: IRRequest): boolean {
  if (request.system.some((part) => part.cache)) return true
  if (request.tools?.some((tool) => tool.cache)) return true
  return request.messages.some((message) =>
    message.parts.some(
      (part) =>
        ('cache' in part && part.cache !== undefined) ||
        (part.type === 'tool_result' && part.content.some((inner) => inner.cache)),
    ),
  )
}

function blockTokens(block: AnthropicContentBlock): number {
  switch (block.type) {
    case 'text':
      return estimateTextTokens(block.text)
    case 'image':
      return IMAGE_TOKENS
    case 'thinking':
      return estimateTextTokens(block.thinking)
    case 'redacted_thinking':
      return 0
    case 'tool_use':
      return estimatePartTokens({ type: 'tool_call', id: block.id, name: block.name, input: block.input })
    case 'tool_result': {
      const content = block.content ?? []
      return typeof content === 'string' ? estimateTextTokens(content) : content.reduce((sum, b) => sum + blockTokens(b), 0)
    }
  }
}

function messageTokens(message: AnthropicMessageParam): number {
  return typeof message.content === 'string'
    ? estimateTextTokens(message.content)
    : message.content.reduce((sum, block) => sum + blockTokens(block), 0)
}

/** Mark the last block of a message that can carry cache_control; false when none can. */
function markMessageEnd(message: AnthropicMessageParam): boolean {
  if (typeof message.content === 'string') {
    message.content = [{ type: 'text', text: message.content, cache_control: breakpoint() }]
    return true
  }
  for (let i = message.content.length - 1; i >= 0; i--) {
    const block = message.content[i]
    if (block.type === 'thinking' || block.type === 'redacted_thinking') continue
    block.cache_control = breakpoint()
    return true
  }
  return false
}

/** Adds breakpoints to `body` in place (see the rule above). */
export function applyAutoCache(body: AnthropicRequest): void {
  let prefix = 0
  let used = 0
  const tools = body.tools ?? []
  prefix += tools.reduce((sum, tool) => sum + estimateTextTokens(JSON.stringify(tool)), 0)
  if (tools.length > 0 && prefix >= MIN_CACHEABLE_TOKENS) {
    tools[tools.length - 1].cache_control = breakpoint()
    used++
  }
  const system = body.system ?? []
  prefix += system.reduce((sum, block) => sum + estimateTextTokens(block.text), 0)
  if (system.length > 0 && prefix >= MIN_CACHEABLE_TOKENS) {
    system[system.length - 1].cache_control = breakpoint()
    used++
  }
  const prefixAfter: number[] = []
  for (const message of body.messages) {
    prefix += messageTokens(message)
    prefixAfter.push(prefix)
  }
  const userTurns = body.messages.flatMap((m, i) => (m.role === 'user' ? [i] : [])).slice(-USER_TURNS_TO_MARK)
  for (const index of userTurns) {
    if (used >= MAX_BREAKPOINTS || prefixAfter[index] < MIN_CACHEABLE_TOKENS) continue
    if (markMessageEnd(body.messages[index])) used++
  }
}
