/** What the last user (or tool) message of an OpenAI chat request says, for the echo reply. */
import { bodyOf } from '../render-common.js'
import type { RecordedRequest } from '../types.js'

function contentText(content: unknown): string {
  if (typeof content === 'string') return content
  if (!Array.isArray(content)) return ''
  return content
    .map((p) => (p && typeof p === 'object' && typeof (p as { text?: unknown }).text === 'string' ? (p as { text: string }).text : ''))
    .join('')
}

export function lastUserText(request: RecordedRequest): string {
  const messages = bodyOf(request).messages
  if (!Array.isArray(messages)) return ''
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i] as { role?: string; content?: unknown }
    if (m?.role === 'user' || m?.role === 'tool') return contentText(m.content)
  }
  return ''
}
