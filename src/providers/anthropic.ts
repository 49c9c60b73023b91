/**
 * Anthropic: `{baseURL}/v1/messages`, `x-api-key` auth. The client's
 * `anthropic-version` and `anthropic-beta` headers are forwarded so beta
 * features work unchanged; a default version is sent when the client has none.
 */
import type { ProviderConfig } from '../config/types.js'
import { anthropicProviderFormat } from '../formats/anthropic/index.js'
import { createHttpProvider, type Endpoint } from './http/http-provider.js'
import type { Provider } from './types.js'

export const DEFAULT_ANTHROPIC_VERSION = '2023-06-01'

export function anthropicEndpoint(baseURL: string): Endpoint {
  return {
    url(operation) {
      if (operation === 'models') return `${baseURL}/v1/models`
      if (operation === 'count_tokens') return `${baseURL}/v1/messages/count_tokens`
      return `${baseURL}/v1/messages`
    },
    headers(apiKey, clientHeaders) {
      const headers: Record<string, string> = {
        'anthropic-version': clientHeaders['anthropic-version'] ?? DEFAULT_ANTHROPIC_VERSION,
      }
      if (clientHeaders['anthropic-beta']) headers['anthropic-beta'] = clientHeaders['anthropic-beta']
      if (apiKey) headers['x-api-key'] = apiKey
      return headers
    },
    parseModelList(body) {
      const data = (body as { data?: Array<{ id?: unknown }> })?.data
      return Array.isArray(data) ? data.map((m) => m.id).filter((id): id is string => typeof id === 'string') : []
    },
  }
}

export function createAnthropicProvider(config: ProviderConfig): Provider {
  return createHttpProvider(config, anthropicProviderFormat, anthropicEndpoint(config.baseURL))
}
