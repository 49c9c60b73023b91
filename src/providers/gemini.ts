/**
 * Google Gemini: `{baseURL}/models/{model}:generateContent` and
 * `:streamGenerateContent?alt=sse`; the key goes in `x-goog-api-key`, never in
 * the URL, so no URL the gateway logs or prints carries it.
 *
 * Gemini answers some failures with a 200 stream whose first chunk is the
 * failure (a prompt it blocks outright, an error envelope): the HTTP provider
 * turns that into a thrown error (see http/first-event.ts).
 */
import type { ProviderConfig } from '../config/types.js'
import { geminiProviderFormat } from '../formats/gemini/index.js'
import { GatewayError } from '../ir/errors.js'
import { createHttpProvider, type Endpoint } from './http/http-provider.js'
import type { Provider } from './types.js'

export function geminiEndpoint(baseURL: string): Endpoint {
  return {
    url(operation, model, stream) {
      if (operation === 'models') return `${baseURL}/models?pageSize=1000`
      const name = encodeURIComponent(model.replace(/^models\//, ''))
      if (operation === 'count_tokens') throw new GatewayError('not_found', 'Gemini token counting is not supported through the gateway')
      return stream
        ? `${baseURL}/models/${name}:streamGenerateContent?alt=sse`
        : `${baseURL}/models/${name}:generateContent`
    },
    headers(apiKey): Record<string, string> {
      return apiKey ? { 'x-goog-api-key': apiKey } : {}
    },
    parseModelList(body) {
      const models = (body as { models?: Array<{ name?: unknown }> })?.models
      return Array.isArray(models)
        ? models
            .map((m) => m.name)
            .filter((n): n is string => typeof n === 'string')
            .map((n) => n.replace(/^models\//, ''))
        : []
    },
  }
}

export function createGeminiProvider(config: ProviderConfig): Provider {
  return createHttpProvider(config, geminiProviderFormat, geminiEndpoint(config.baseURL))
}
