/**
 * Model name -> ordered targets. `provider/model` pins a provider; an alias
 * expands to its targets (a fallback chain); a bare name goes to the providers
 * that declare it. Unknown names are a 404 that says how to find routable ones.
 */
import { GatewayError } from '../ir/errors.js'
import type { RoutingContext, Target } from './types.js'

const MAX_ALIAS_DEPTH = 8

function notFound(name: string, context: RoutingContext): GatewayError {
  const providers = [...context.providers.keys()].join(', ') || 'none configured'
  return new GatewayError(
    'not_found',
    `The model \`${name}\` is not routable by this gateway. Name it as provider/model (providers: ${providers}) or an alias; list routable models with \`llm-gateway models\` or GET /v1/models.`,
    { param: 'model', code: 'model_not_found' },
  )
}

function pinned(name: string, context: RoutingContext): Target | undefined {
  const slash = name.indexOf('/')
  if (slash <= 0) return undefined
  const provider = context.providers.get(name.slice(0, slash))
  const model = name.slice(slash + 1)
  return provider && model ? { provider, model } : undefined
}

function declaredBy(name: string, context: RoutingContext): Target[] {
  const targets: Target[] = []
  for (const provider of context.providers.values()) {
    if (provider.config.models.includes(name)) targets.push({ provider, model: name })
  }
  return targets
}

export function resolveModel(name: string, context: RoutingContext, depth = 0): Target[] {
  const alias = context.aliases[name]
  if (alias && depth < MAX_ALIAS_DEPTH) {
    const targets = alias.targets.flatMap((target) => {
      try {
        return resolveModel(target, context, depth + 1)
      } catch {
        return [] // a dead target in a chain is skipped; the chain fails only if all are dead
      }
    })
    if (targets.length > 0) return targets
    throw notFound(name, context)
  }
  const target = pinned(name, context)
  if (target) return [target]
  const declared = declaredBy(name, context)
  if (declared.length > 0) return declared
  throw notFound(name, context)
}
