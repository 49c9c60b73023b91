/** Small builders that keep the data files short and their arithmetic exact. */
import type { Capabilities, Confidence, Offer, Price } from '../types.js'

/** Rounds away binary noise (0.8 * 0.1 = 0.08000000000000002). */
export function usd(value: number): number {
  return Math.round(value * 1e6) / 1e6
}

export function caps(...flags: Array<keyof Capabilities>): Capabilities {
  const has = (flag: keyof Capabilities) => flags.includes(flag)
  return {
    tools: has('tools'),
    vision: has('vision'),
    reasoning: has('reasoning'),
    caching: has('caching'),
    json: has('json'),
  }
}

const RANK: Record<Confidence, number> = { official: 0, secondary: 1, unverified: 2 }

/** The less certain of two confidences. */
export function weaker(a: Confidence, b: Confidence): Confidence {
  return RANK[a] >= RANK[b] ? a : b
}

export const OPENROUTER_NOTE = 'OpenRouter bills the upstream provider list price'

/**
 * OpenRouter's id for a closed model. It passes the upstream list price
 * through, so the owner's price is reused with OpenRouter's page as the source.
 */
export function viaOpenRouter(model: string, upstream: Price | null): Offer {
  const price: Price | null = upstream && {
    ...upstream,
    source: `https://openrouter.ai/${model}`,
    confidence: weaker(upstream.confidence, 'secondary'),
    note: upstream.note ? `${OPENROUTER_NOTE}; ${upstream.note}` : OPENROUTER_NOTE,
  }
  return { preset: 'openrouter', kind: 'openai', model, price }
}

/** OpenRouter's id for an open-weight model: price depends on which host it picks. */
export function openRouterUnpriced(model: string): Offer {
  return {
    preset: 'openrouter',
    kind: 'openai',
    model,
    price: null,
    note: 'price depends on the upstream host OpenRouter routes to',
  }
}
