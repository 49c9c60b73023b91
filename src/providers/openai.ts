/** OpenAI-compatible providers: `{baseURL}/chat/completions`, Bearer auth. */
import type { ProviderConfig } from '../config/types.js'
import { openaiProviderFormat } from '../formats/openai-chat/index.js'
import { GatewayError } from '../ir/errors.js'
import { createHttpProvider, type Endpoint } from './http/http-provider.js'
import { forwardWithQuirks } from './openai-forward.js'
import type { Provider } from './types.js'

export function openaiEndpoint(baseURL: string): Endpoint {
  return {
    url(operation) {
      if (operation === 'models') return `${baseURL}/models`
      if (operation === 'chat') return `${baseURL}/chat/completions`
      throw new GatewayError('not_found', 'OpenAI-compatible providers have no token-count endpoint')
    },
    headers(apiKey): Record<string, string> {
      return apiKey ? { authorization: `Bearer ${apiKey}` } : {}
    },
    parseModelList(body) {
      const data = (body as { data?: Array<{ id?: unknown }> })?.data
      return Array.isArray(data) ? data.map((m) => m.id).filter((id): id is string => typeof id === 'string') : []
    },
  }
}

export function createOpenAIProvider(config: ProviderConfig): Provider {
  const provider = createHttpProvider(config, openaiProviderFormat, openaiEndpoint(config.baseURL))
  // Translation folds quirks into the request it builds; the fast path needs them too.
  return { ...provider, forward: forwardWithQuirks(provider.forward!, config.quirks) }
}
