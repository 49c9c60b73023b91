/**
 * GET /v1/models: the routable models in OpenAI's list shape, or Anthropic's
 * when the client sent `anthropic-version` (as the Anthropic SDK does).
 */
import type { H3Event } from 'h3'
import type { Gateway } from '../../gateway/create-gateway.js'
import { listRoutableModels } from '../../routing/list-models.js'

// A fixed date: the list describes configuration, not model release dates.
const CREATED = Math.floor(Date.UTC(2025, 0, 1) / 1000)

export function modelsRoute(gateway: Gateway) {
  return (event: H3Event) => {
    const models = listRoutableModels(gateway.config)
    if (event.req.headers.has('anthropic-version')) {
      const data = models.map((m) => ({
        type: 'model',
        id: m.id,
        display_name: m.id,
        created_at: new Date(CREATED * 1000).toISOString(),
      }))
      return { data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null }
    }
    return {
      object: 'list',
      data: models.map((m) => ({ id: m.id, object: 'model', created: CREATED, owned_by: m.provider ?? 'llm-gateway' })),
    }
  }
}
