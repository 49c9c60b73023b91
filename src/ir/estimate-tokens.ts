/**
 * A local input-token estimate for when no provider can count exactly:
 * /v1/messages/count_tokens served by a non-Anthropic provider, and the
 * "is this prefix long enough to cache" test of automatic prompt caching.
 *
 * The rule (deliberately simple, within ~20% for English prose and code):
 * - text counts 1 token per 4 characters (rounded up) — system, messages,
 *   thinking text, tool call arguments (as JSON), tool results;
 * - each image counts a flat IMAGE_TOKENS (Anthropic bills width*height/750,
 *   about 1,600 for an image at the default size limit);
 * - each tool definition counts its name, description and JSON schema as text
 *   plus TOOL_OVERHEAD_TOKENS; each message adds MESSAGE_OVERHEAD_TOKENS for
 *   role markers;
 * - signatures and redacted thinking are opaque and not counted.
 */
import type { IRRequest, Part, ToolDefinition } from './types.js'

export const CHARS_PER_TOKEN = 4
export const IMAGE_TOKENS = 1600
export const MESSAGE_OVERHEAD_TOKENS = 4
export const TOOL_OVERHEAD_TOKENS = 8

export function estimateTextTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN)
}

const jsonText = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''))

export function estimatePartTokens(part: Part): number {
  switch (part.type) {
    case 'text':
      return estimateTextTokens(part.text)
    case 'image':
      return IMAGE_TOKENS
    case 'thinking':
      return estimateTextTokens(part.text)
    case 'redacted_thinking':
      return 0
    case 'tool_call':
      return estimateTextTokens(part.name) + estimateTextTokens(jsonText(part.input))
    case 'tool_result':
      return part.content.reduce((sum, inner) => sum + estimatePartTokens(inner), 0)
  }
}

export function estimateToolTokens(tool: ToolDefinition): number {
  return (
    TOOL_OVERHEAD_TOKENS +
    estimateTextTokens(tool.name) +
    estimateTextTokens(tool.description ?? '') +
    estimateTextTokens(jsonText(tool.inputSchema))
  )
}

export function estimateInputTokens(request: IRRequest): number {
  let total = 0
  for (const part of request.system) total += estimateTextTokens(part.text)
  for (const message of request.messages) {
    total += MESSAGE_OVERHEAD_TOKENS
    for (const part of message.parts) total += estimatePartTokens(part)
  }
  for (const tool of request.tools ?? []) total += estimateToolTokens(tool)
  return total
}
