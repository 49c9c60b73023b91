/** What the last user message of an Anthropic request says (text or tool results), for the echo reply. */
import { bodyOf } from '../render-common.js'
import type { RecordedRequest } from '../types.js'

function blocksText(content: unknown): string {
  if (typeof content === 'string') return content
  if (!Array.isArray(content)) return ''
  return content
    .map((b: { type?: string; text?: unknown; content?: unknown }) => {
      if (b?.type === 'text' && typeof b.text === 'string') return b.text
      if (b?.type === 'tool_result') return blocksText(b.content)
      return ''
    })
    .join('')
}

export function lastUserText(request: RecordedRequest): string {
  const messages = bodyOf(request).messages
  if (!Array.isArray(messages)) return ''
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i] as { role?: string; content?: unknown }
    if (m?.role === 'user') return blocksText(m.content)
  }
  return ''
}

export function thinkingEnabled(request: RecordedRequest): boolean {
  const thinking = bodyOf(request).thinking as { type?: string } | undefined
  return thinking?.type === 'enabled' || thinking?.type === 'adaptive'
}
