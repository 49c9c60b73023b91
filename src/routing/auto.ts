/**
 * `auto`: the best configured model for what the request needs.
 *
 * "Best", deliberately simple and predictable:
 * 1. Candidates are the catalogue models some configured provider is known
 *    to serve (by its preset, or — for a provider without one — by its own
 *    model list), plus config `models` entries that state their own
 *    `capabilities`.
 * 2. Drop those that lack what the request uses — tools, image input,
 *    thinking — or whose context window is smaller than the estimated prompt
 *    plus the output asked for; drop retired and deprecated models.
 * 3. Rank current models before legacy ones before previews, then by output
 *    list price, highest first (price is the one public signal of a model's
 *    tier that every provider gives), then by context window.
 * 4. The top model leads a fallback chain with the best models of up to two
 *    other providers, so `auto` survives one provider's bad minute.
 * With no candidate at all (say, only the mock or local servers without
 * catalogue entries), the first model a provider declares in the config is used.
 * An alias named `auto` in the config replaces all of this.
 */
import { listCatalog, type ModelStatus } from '../catalog/index.js'
import { GatewayError } from '../ir/errors.js'
import { catalogModelTargets, declaredTargets, declaredModels, pinnedTarget } from './catalog-targets.js'
import { aliasInfo, targetInfo, type ModelInfo } from './model-info.js'
import type { RequestNeeds, RoutingContext, Target } from './types.js'

export const AUTO_MODEL = 'auto'
/** Targets in the chain `auto` builds (each on a different provider). */
export const AUTO_CHAIN_LENGTH = 3

const STATUS_RANK: Partial<Record<ModelStatus, number>> = { current: 0, legacy: 1, preview: 2 }

export interface AutoCandidate {
  name: string
  target: Target
  info: ModelInfo
}

export function fits(info: ModelInfo, needs: RequestNeeds): boolean {
  const caps = info.capabilities
  if (needs.tools && !caps?.tools) return false
  if (needs.vision && !caps?.vision) return false
  if (needs.reasoning && !caps?.reasoning) return false
  if (info.contextWindow !== null && needs.contextTokens > info.contextWindow) return false
  return true
}

/** Every model `auto` could choose, before filtering by needs. */
export function autoCandidates(context: RoutingContext): AutoCandidate[] {
  const out: AutoCandidate[] = []
  for (const model of listCatalog()) {
    if (STATUS_RANK[model.status] === undefined) continue
    const [target] = catalogModelTargets(model, context, true)
    if (target) out.push({ name: model.id, target, info: targetInfo(target, context.aliases) })
  }
  for (const [name, entry] of Object.entries(context.aliases)) {
    if (!entry.capabilities || entry.targets.length === 0 || name === AUTO_MODEL) continue
    const target = pinnedTarget(entry.targets[0], context.providers)
    if (target) out.push({ name, target, info: aliasInfo(entry, target, context.aliases) })
  }
  return out
}

function compare(a: AutoCandidate, b: AutoCandidate): number {
  const rank = (c: AutoCandidate) => STATUS_RANK[c.info.status ?? 'current'] ?? 0
  return (
    rank(a) - rank(b) ||
    (b.info.pricing?.output ?? -1) - (a.info.pricing?.output ?? -1) ||
    (b.info.contextWindow ?? 0) - (a.info.contextWindow ?? 0)
  )
}

/** Ranked candidates that fit, best first (stable: ties keep catalogue and config order). */
export function rankForAuto(candidates: AutoCandidate[], needs: RequestNeeds): AutoCandidate[] {
  return candidates.filter((c) => fits(c.info, needs)).sort(compare)
}

function declaredFallback(context: RoutingContext): Target[] {
  for (const provider of context.providers.values()) {
    const [first] = declaredModels(provider)
    if (first) return declaredTargets(first, new Map([[provider.name, provider]])).map((t) => ({ ...t, via: 'auto' as const }))
  }
  return []
}

function nothingFits(needs: RequestNeeds): GatewayError {
  const wanted = [needs.tools && 'tools', needs.vision && 'image input', needs.reasoning && 'thinking'].filter(Boolean).join(', ')
  return new GatewayError(
    'not_found',
    `\`auto\` found no configured model for this request${wanted ? ` (it needs ${wanted})` : ''} with a context window of at least ${needs.contextTokens} tokens. List routable models with \`llm-gateway models\` or GET /v1/models.`,
    { param: 'model', code: 'model_not_found' },
  )
}

export function autoTargets(context: RoutingContext, needs: RequestNeeds): Target[] {
  const candidates = autoCandidates(context)
  if (candidates.length === 0) {
    const fallback = declaredFallback(context)
    if (fallback.length > 0) return fallback
    throw nothingFits(needs)
  }
  const chain: Target[] = []
  const used = new Set<string>()
  for (const candidate of rankForAuto(candidates, needs)) {
    if (used.has(candidate.target.provider.name)) continue
    used.add(candidate.target.provider.name)
    chain.push({ ...candidate.target, via: 'auto' })
    if (chain.length === AUTO_CHAIN_LENGTH) break
  }
  if (chain.length === 0) throw nothingFits(needs)
  return chain
}
