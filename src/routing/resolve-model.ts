/**
 * Model name -> ordered targets (a fallback chain), in this order:
 * 1. a config `models` alias (recursively; an alias may name itself as a
 *    target to mean the model of that name, and cycles end there);
 * 2. `auto`: the best configured model for the request (./auto.ts);
 * 3. `provider/model` pins a configured provider;
 * 4. a bare name through the catalogue to every configured provider serving
 *    it, plus providers that declare it in their config `models` list;
 * 5. the providers' own model lists (GET /models, cached).
 * Unknown names are a 404 that says how to find routable ones.
 */
import { findModel } from '../catalog/index.js'
import { GatewayError } from '../ir/errors.js'
import { AUTO_MODEL, autoTargets } from './auto.js'
import { catalogTargets, declaredTargets, pinnedTarget } from './catalog-targets.js'
import { NO_NEEDS } from './needs.js'
import { notFound } from './not-found.js'
import type { RequestNeeds, RoutingContext, Target } from './types.js'

export interface ResolveOptions {
  /** The request's needs, read only when `auto` asks. */
  needs?: () => RequestNeeds
}

interface Walk extends ResolveOptions {
  /** Names that only a provider's model list could have resolved, and did not (yet). */
  missed: string[]
}

function listedTargets(name: string, context: RoutingContext, walk: Walk): Target[] {
  const listed = context.modelLists?.find(name) ?? []
  if (listed.length === 0) walk.missed.push(name)
  return listed.map(({ provider, model }) => {
    const catalog = findModel(model)
    return { provider, model, via: 'provider-list' as const, ...(catalog ? { catalog } : {}) }
  })
}

function resolveName(name: string, context: RoutingContext, walk: Walk, seen: ReadonlySet<string>): Target[] {
  const alias = context.aliases[name]
  if (alias && alias.targets.length > 0 && !seen.has(name)) {
    const inner = new Set(seen).add(name)
    return alias.targets.flatMap((target) => {
      try {
        return resolveName(target, context, walk, inner)
      } catch (error) {
        // A dead target in a chain is skipped; the chain fails only if all are dead.
        if (error instanceof GatewayError && error.kind === 'not_found') return []
        throw error
      }
    })
  }
  if (name === AUTO_MODEL) return autoTargets(context, walk.needs?.() ?? NO_NEEDS)
  const pinned = pinnedTarget(name, context.providers)
  if (pinned) return [pinned]
  const known = [...catalogTargets(name, context).targets, ...declaredTargets(name, context.providers)]
  if (known.length > 0) return known
  return listedTargets(name, context, walk)
}

function dedupe(targets: Target[]): Target[] {
  const seen = new Set<string>()
  return targets.filter((t) => {
    const key = `${t.provider.name}\u0000${t.model}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** Providers whose key variable is unset go last: they can only fail. */
function keylessLast(targets: Target[]): Target[] {
  return [...targets.filter((t) => !t.provider.config.missingKeyVar), ...targets.filter((t) => t.provider.config.missingKeyVar)]
}

function run(name: string, context: RoutingContext, walk: Walk): Target[] {
  const targets = keylessLast(dedupe(resolveName(name, context, walk, new Set())))
  if (targets.length === 0) throw notFound(name, context)
  return targets
}

/** A catalogue target on a provider without a preset whose own list has not come in yet. */
function isUnconfirmedGuess(target: Target, context: RoutingContext): boolean {
  return target.via === 'catalog' && !target.provider.config.preset && context.modelLists?.has(target.provider.name, target.model) === undefined
}

/**
 * Resolve without waiting: provider model lists are consulted as far as they
 * have been fetched (a lookup starts fetching missing or stale ones).
 */
export function resolveModel(name: string, context: RoutingContext, options: ResolveOptions = {}): Target[] {
  return run(name, context, { ...options, missed: [] })
}

/**
 * Resolve for a request: when a name could only come from a provider's model
 * list, or a provider without a preset would get it on a guess its list could
 * settle, and a first list is still loading, wait for it (at most the
 * `routing.modelLists.waitMs` setting) and look again.
 */
export async function resolveTargets(name: string, context: RoutingContext, options: ResolveOptions = {}): Promise<Target[]> {
  const walk: Walk = { ...options, missed: [] }
  let targets: Target[] | undefined
  let failure: unknown
  try {
    targets = run(name, context, walk)
  } catch (error) {
    failure = error
  }
  const unsure = walk.missed.length > 0 || (targets ?? []).some((t) => isUnconfirmedGuess(t, context))
  if (unsure && (await context.modelLists?.settle())) return resolveModel(name, context, options)
  if (targets) return targets
  throw failure
}
