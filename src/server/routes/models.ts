/**
 * GET /v1/models: the routable models in OpenAI's list shape, or Anthropic's
 * when the client sent `anthropic-version` (as the Anthropic SDK does). Each
 * item carries the gateway's extra fields (snake_case, like the rest of both
 * wire formats): context window, max output, prices, capabilities, providers.
 * `?capability=tools,vision` and `?provider=NAME` filter the list.
 */
import type { H3Event } from 'h3'
import type { Capabilities } from '../../catalog/index.js'
import type { Gateway } from '../../gateway/create-gateway.js'
import { clientFormats } from '../../formats/registry.js'
import { errorResponse } from '../../gateway/handle-request.js'
import { GatewayError, toGatewayError } from '../../ir/errors.js'
import { CAPABILITIES, filterModels, listRoutableModels, type ModelFilter, type RoutableModel } from '../../routing/list-models.js'
import { toHTTPResponse } from '../web-response.js'

// A fixed date: the list describes configuration, not model release dates.
const CREATED = Math.floor(Date.UTC(2025, 0, 1) / 1000)
const CREATED_AT = new Date(CREATED * 1000).toISOString()

function filterFrom(params: URLSearchParams): ModelFilter {
  const capabilities = params
    .getAll('capability')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean)
  for (const cap of capabilities) {
    if (!(CAPABILITIES as readonly string[]).includes(cap)) {
      throw new GatewayError('invalid_request', `capability must be one of ${CAPABILITIES.join(', ')}, got "${cap}"`, { param: 'capability' })
    }
  }
  return { capabilities: capabilities as Array<keyof Capabilities>, provider: params.get('provider') ?? undefined }
}

/** The gateway's fields on every item, whichever list shape. */
export function extraFields(m: RoutableModel): Record<string, unknown> {
  const extra: Record<string, unknown> = {
    kind: m.kind,
    provider: m.provider,
    provider_model: m.providerModel,
    providers: m.providers,
    context_window: m.contextWindow,
    max_output_tokens: m.maxOutputTokens,
    pricing: m.pricing && {
      unit: 'usd_per_million_tokens',
      input: m.pricing.input,
      output: m.pricing.output,
      cache_read: m.pricing.cacheRead ?? null,
      cache_write: m.pricing.cacheWrite ?? null,
      priced_at: m.pricing.pricedAt ?? null,
      source: m.pricing.source ?? null,
    },
    capabilities: m.capabilities,
    status: m.status,
  }
  if (m.replacedBy) extra.replaced_by = m.replacedBy
  if (m.targets) extra.targets = m.targets
  if (m.description) extra.description = m.description
  return extra
}

export function openaiModelList(models: RoutableModel[]) {
  return {
    object: 'list',
    data: models.map((m) => ({ id: m.id, object: 'model', created: CREATED, owned_by: m.provider ?? 'llm-gateway', ...extraFields(m) })),
  }
}

export function anthropicModelList(models: RoutableModel[]) {
  const data = models.map((m) => ({ type: 'model', id: m.id, display_name: m.id, created_at: CREATED_AT, ...extraFields(m) }))
  return { data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null }
}

export function modelsRoute(gateway: Gateway) {
  return async (event: H3Event) => {
    const anthropicClient = event.req.headers.has('anthropic-version')
    let filter: ModelFilter
    try {
      filter = filterFrom(event.url.searchParams)
    } catch (error) {
      return toHTTPResponse(errorResponse(clientFormats[anthropicClient ? 'anthropic' : 'openai'], toGatewayError(error)))
    }
    const models = filterModels(await listRoutableModels(gateway.routing), filter)
    return anthropicClient ? anthropicModelList(models) : openaiModelList(models)
  }
}
