/** Ids and timestamps for replies the gateway builds itself. */
import { randomBytes } from 'node:crypto'

/** A `chatcmpl-...` id, used when the upstream gave none. */
export function newCompletionId(): string {
  return `chatcmpl-${randomBytes(15).toString('base64url')}`
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000)
}
