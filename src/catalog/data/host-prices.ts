/** Pricing pages of the hosts that serve open-weight models. */
import type { Confidence, Price } from '../types.js'

export const HOST_PRICING = {
  groq: 'https://groq.com/pricing',
  together: 'https://www.together.ai/pricing',
  fireworks: 'https://fireworks.ai/pricing',
} as const

export type Host = keyof typeof HOST_PRICING

export function hostPrice(
  host: Host,
  input: number,
  output: number,
  pricedAt: string,
  confidence: Confidence,
  cacheRead?: number,
): Price {
  return {
    input,
    output,
    ...(cacheRead !== undefined ? { cacheRead } : {}),
    pricedAt,
    source: HOST_PRICING[host],
    confidence,
  }
}
