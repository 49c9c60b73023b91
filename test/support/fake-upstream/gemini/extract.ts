/** What the last user turn of a Gemini request says (text or function responses), for the echo reply. */
import { bodyOf } from '../render-common.js'
import type { RecordedRequest } from '../types.js'

interface Content {
  role?: string
  parts?: { text?: unknown; functionResponse?: { response?: unknown } }[]
}

export function lastUserText(request: RecordedRequest): string {
  const contents = bodyOf(request).contents
  if (!Array.isArray(contents)) return ''
  for (let i = contents.length - 1; i >= 0; i--) {
    const c = contents[i] as Content
    if (c?.role !== undefined && c.role !== 'user') continue
    return (c.parts ?? [])
      .map((p) => (typeof p.text === 'string' ? p.text : p.functionResponse ? JSON.stringify(p.functionResponse.response ?? {}) : ''))
      .join('')
  }
  return ''
}

export function includeThoughts(request: RecordedRequest): boolean {
  const config = bodyOf(request).generationConfig as { thinkingConfig?: { includeThoughts?: boolean } } | undefined
  return config?.thinkingConfig?.includeThoughts === true
}
