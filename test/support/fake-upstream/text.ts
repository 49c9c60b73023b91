/** Text helpers shared by the renderers: stream splitting, token estimates, SSE framing. */
import type { SseItem } from './types.js'

/** Word-like pieces (leading space kept, as real tokenised deltas look), or fixed-size slices. */
export function splitText(text: string, chunkSize?: number): string[] {
  if (text === '') return []
  if (chunkSize && chunkSize > 0) {
    const out: string[] = []
    for (let i = 0; i < text.length; i += chunkSize) out.push(text.slice(i, i + chunkSize))
    return out
  }
  return text.match(/\s*\S+|\s+$/g) ?? [text]
}

/** Argument JSON arrives in short fragments in every real provider's stream. */
export function splitJson(json: string, size = 8): string[] {
  const out: string[] = []
  for (let i = 0; i < json.length; i += size) out.push(json.slice(i, i + size))
  return out
}

/** Rough token count: deterministic and monotonic, which is all the tests need. */
export function countTokens(text: string): number {
  return text === '' ? 0 : Math.max(1, Math.ceil(text.length / 4))
}

/** Every string inside a value (message contents, tool schemas ...), for input token estimates. */
export function collectStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value)
  else if (Array.isArray(value)) for (const v of value) collectStrings(v, out)
  else if (value && typeof value === 'object') for (const v of Object.values(value)) collectStrings(v, out)
  return out
}

export function estimateInputTokens(...parts: unknown[]): number {
  let chars = 0
  let items = 0
  for (const part of parts) {
    for (const s of collectStrings(part)) chars += s.length
    if (Array.isArray(part)) items += part.length
  }
  return Math.max(1, Math.ceil(chars / 4) + 3 * items)
}

export function frameSse(item: SseItem, lineEnding: '\n' | '\r\n' = '\n'): string {
  if (typeof item === 'string') return item
  const data = typeof item.data === 'string' ? item.data : JSON.stringify(item.data)
  let out = ''
  if (item.event !== undefined) out += `event: ${item.event}${lineEnding}`
  if (item.id !== undefined) out += `id: ${item.id}${lineEnding}`
  for (const line of data.split('\n')) out += `data: ${line}${lineEnding}`
  return out + lineEnding
}

/** The default answer: deterministic and easy to assert on. */
export function echoText(userText: string): string {
  return `You said: ${userText}`
}
