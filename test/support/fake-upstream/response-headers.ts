/** Response headers each real provider sends (the ones clients and gateways look at). */
import { base58, sha256 } from './hash.js'
import type { Provider } from './types.js'

export const SSE_CONTENT_TYPE = 'text/event-stream; charset=utf-8'

export function openaiRequestId(seed: string): string {
  return `req_${sha256(`${seed}:request-id`).toString('hex').slice(0, 32)}`
}

export function anthropicRequestId(seed: string): string {
  return `req_011C${base58(seed, 'request-id', 20)}`
}

export function providerHeaders(provider: Provider, seed: string, stream: boolean): Record<string, string> {
  switch (provider) {
    case 'openai':
      return {
        'content-type': stream ? SSE_CONTENT_TYPE : 'application/json',
        'x-request-id': openaiRequestId(seed),
        'openai-processing-ms': '42',
        'openai-version': '2020-10-01',
        'x-ratelimit-limit-requests': '500',
        'x-ratelimit-limit-tokens': '200000',
        'x-ratelimit-remaining-requests': '499',
        'x-ratelimit-remaining-tokens': '199990',
        'x-ratelimit-reset-requests': '120ms',
        'x-ratelimit-reset-tokens': '3ms',
      }
    case 'anthropic':
      return {
        'content-type': stream ? SSE_CONTENT_TYPE : 'application/json',
        'request-id': anthropicRequestId(seed),
        ...(stream ? { 'cache-control': 'no-cache' } : {}),
        'anthropic-ratelimit-requests-limit': '50',
        'anthropic-ratelimit-requests-remaining': '49',
        'anthropic-ratelimit-input-tokens-limit': '30000',
        'anthropic-ratelimit-input-tokens-remaining': '29990',
      }
    case 'gemini':
      return {
        'content-type': stream ? 'text/event-stream' : 'application/json; charset=UTF-8',
        vary: 'Origin, X-Origin, Referer',
        'x-content-type-options': 'nosniff',
        'server-timing': 'gfet4t7; dur=420',
      }
  }
}
