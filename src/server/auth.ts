/**
 * Gateway keys (`server.apiKeys`): clients send one as `Authorization: Bearer`
 * (OpenAI SDKs) or `x-api-key` (Anthropic SDKs). Compared in constant time on
 * digests so neither content nor length leaks through timing.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { GatewayConfig } from '../config/types.js'

const digest = (value: string) => createHash('sha256').update(value).digest()

/** Where the keys are read from: web Headers, or Node's headers behind the same one-method face. */
export interface HeaderSource {
  get(name: string): string | null | undefined
}

export function createKeyCheck(keys: string[]): (headers: HeaderSource) => boolean {
  if (keys.length === 0) return () => true
  const digests = keys.map(digest)
  return (headers) => {
    const bearer = headers.get('authorization')?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim()
    const presented = [bearer, headers.get('x-api-key') ?? undefined].filter((k): k is string => Boolean(k))
    let ok = false
    for (const key of presented) {
      const candidate = digest(key)
      // Check every configured key: no early exit that would time the match.
      for (const expected of digests) ok = timingSafeEqual(candidate, expected) || ok
    }
    return ok
  }
}

/** The key check for a gateway's current config: rebuilt when a reload replaces server.apiKeys (never mutated in place). */
export function createGatewayKeyCheck(gateway: { readonly config: GatewayConfig }): (headers: HeaderSource) => boolean {
  let keys = gateway.config.server.apiKeys
  let keyCheck = createKeyCheck(keys)
  return (headers) => {
    if (gateway.config.server.apiKeys !== keys) {
      keys = gateway.config.server.apiKeys
      keyCheck = createKeyCheck(keys)
    }
    return keyCheck(headers)
  }
}
