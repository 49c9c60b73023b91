/** Ids as Anthropic clients expect them. */
import { randomBytes } from 'node:crypto'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

function randomBase62(length: number): string {
  const bytes = randomBytes(length)
  let out = ''
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length]
  return out
}

/** Keep an Anthropic message id; give anything else a fresh `msg_` id of the same shape. */
export function anthropicMessageId(id: string | undefined): string {
  return id?.startsWith('msg_') ? id : `msg_01${randomBase62(22)}`
}

/**
 * Anthropic accepts tool_use ids matching ^[a-zA-Z0-9_-]+$. Other providers'
 * ids are usually fine; anything else is made to fit, the same way for the
 * call and its result so they still pair up.
 */
export function anthropicToolId(id: string): string {
  const safe = id.replace(/[^a-zA-Z0-9_-]/g, '_')
  return safe === '' ? 'toolu_empty' : safe
}
