/**
 * With thinking on, Anthropic requires the last assistant turn of a tool-use
 * loop to start with its (signed) thinking block, and rejects the request
 * otherwise. Conversations that passed through a client or provider that drops
 * reasoning (most OpenAI-format clients) cannot meet that, so for them the
 * request is sent without thinking rather than failing.
 */
import type { AnthropicMessageParam } from './wire-types.js'

export function historyAllowsThinking(messages: AnthropicMessageParam[]): boolean {
  const lastAssistant = messages.findLast((message) => message.role === 'assistant')
  if (!lastAssistant || typeof lastAssistant.content === 'string') return true
  const usesTools = lastAssistant.content.some((block) => block.type === 'tool_use')
  if (!usesTools) return true
  const first = lastAssistant.content[0]
  return first?.type === 'thinking' || first?.type === 'redacted_thinking'
}
