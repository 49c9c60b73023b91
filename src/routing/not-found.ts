/** The 404 for a name nothing routes, saying why when the catalogue can tell. */
import { findModel, presetsServing } from '../catalog/index.js'
import { GatewayError } from '../ir/errors.js'
import { servesOffer } from './provider-offer.js'
import type { RoutingContext } from './types.js'

function why(name: string, context: RoutingContext): string {
  const model = findModel(name)
  if (!model) return ''
  const hosts = presetsServing(name)
  const blocked = model.responsesOnly && [...context.providers.values()].some((p) => model.offers.some((offer) => offer.firstParty && servesOffer(p.config, { ...model, responsesOnly: false }, offer)))
  if (blocked) {
    const others = hosts.filter((h) => h !== model.owner)
    return ` OpenAI serves \`${model.id}\` only on its Responses API, which the gateway's OpenAI-compatible providers (Chat Completions) cannot reach${others.length ? `; ${others.join(', ')} serve it over Chat Completions` : ''}.`
  }
  return ` The catalogue knows it as \`${model.id}\`, served by ${hosts.join(', ')}; configure one of those providers.`
}

export function notFound(name: string, context: RoutingContext): GatewayError {
  const providers = [...context.providers.keys()].join(', ') || 'none configured'
  return new GatewayError(
    'not_found',
    `The model \`${name}\` is not routable by this gateway.${why(name, context)} Name it as provider/model (providers: ${providers}) or an alias; list routable models with \`llm-gateway models\` or GET /v1/models.`,
    { param: 'model', code: 'model_not_found' },
  )
}
