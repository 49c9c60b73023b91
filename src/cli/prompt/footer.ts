/**
 * The one-line summary a one-off command prints on stderr after the answer:
 * `fast -> groq/llama-3.3-70b-versatile · 1,204 in (1,000 cached) / 56 out · $0.00012 · 1.42s · gw_…`
 */
import type { Usage } from '../../ir/types.js'

export interface FooterFacts {
  /** The model as asked for (`-m` or the default). */
  requested: string
  /** From the x-llm-gateway-provider / -model response headers. */
  provider?: string
  providerModel?: string
  usage?: Usage
  costUsd?: number | null
  latencyMs: number
  /** The traffic-log id (x-llm-gateway-id), for `llm-gateway logs show`. */
  id?: string
}

const count = (n: number) => n.toLocaleString('en-US')

export function formatRoute(requested: string, provider?: string, providerModel?: string): string {
  if (!provider || !providerModel) return requested
  const served = `${provider}/${providerModel}`
  return served === requested ? served : `${requested} -> ${served}`
}

/** Prompt tokens in OpenAI's sense (the IR's input excludes cache reads and writes). */
export function formatTokens(usage: Usage): string {
  const cached = usage.cacheReadTokens ?? 0
  const prompt = usage.inputTokens + cached + (usage.cacheWriteTokens ?? 0)
  const input = `${count(prompt)} in${cached > 0 ? ` (${count(cached)} cached)` : ''}`
  const reasoning = usage.reasoningTokens ?? 0
  const output = `${count(usage.outputTokens)} out${reasoning > 0 ? ` (${count(reasoning)} reasoning)` : ''}`
  return `${input} / ${output}`
}

/** Three significant digits however small, never an exponent. */
export function formatCost(usd: number): string {
  if (usd === 0) return '$0'
  const digits = Math.min(10, Math.max(2, 2 - Math.floor(Math.log10(usd))))
  return `$${usd.toFixed(digits).replace(/(\.\d*?[1-9])0+$/, '$1').replace(/\.0+$/, '')}`
}

export function formatLatency(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)}ms` : `${(ms / 1000).toFixed(2)}s`
}

export function formatFooter(facts: FooterFacts): string {
  const fields = [formatRoute(facts.requested, facts.provider, facts.providerModel)]
  // All zeros means the stream carried no usage (some services omit it): say nothing rather than 0.
  if (facts.usage && facts.usage.inputTokens + facts.usage.outputTokens > 0) fields.push(formatTokens(facts.usage))
  if (facts.costUsd !== undefined && facts.costUsd !== null) fields.push(formatCost(facts.costUsd))
  fields.push(formatLatency(facts.latencyMs))
  if (facts.id) fields.push(facts.id)
  return fields.join(' · ')
}
