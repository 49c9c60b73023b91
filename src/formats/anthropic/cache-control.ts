/** `cache_control` <-> the IR's CacheHint. */
import type { CacheHint } from '../../ir/types.js'
import { invalid, isRecord, type Path } from './invalid.js'
import type { AnthropicCacheControl } from './wire-types.js'

export function cacheControlFromIR(hint: CacheHint | undefined): AnthropicCacheControl | undefined {
  if (!hint) return undefined
  return hint.ttl ? { type: 'ephemeral', ttl: hint.ttl } : { type: 'ephemeral' }
}

/** Spread into a wire block: `{ cache_control }` only when there is a hint. */
export function withCacheControl(hint: CacheHint | undefined): { cache_control?: AnthropicCacheControl } {
  const cacheControl = cacheControlFromIR(hint)
  return cacheControl ? { cache_control: cacheControl } : {}
}

/** A client's `cache_control` as a CacheHint, rejecting shapes Anthropic would reject. */
export function parseCacheControl(value: unknown, path: Path): CacheHint | undefined {
  if (value === undefined || value === null) return undefined
  if (!isRecord(value)) throw invalid(path, 'Input should be a valid dictionary')
  if (value.type !== 'ephemeral') throw invalid([...path, 'type'], "Input should be 'ephemeral'")
  if (value.ttl === undefined || value.ttl === null) return { type: 'ephemeral' }
  if (value.ttl !== '5m' && value.ttl !== '1h') throw invalid([...path, 'ttl'], "Input should be '5m' or '1h'")
  return { type: 'ephemeral', ttl: value.ttl }
}
