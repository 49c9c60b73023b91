/**
 * Google Gemini: `{baseURL}/models/{model}:generateContent` and
 * `:streamGenerateContent?alt=sse`; the key goes in `x-goog-api-key`, never in
 * the URL, so no URL the gateway logs or prints carries it.
 *
 * Gemini answers some failures with a 200 stream whose first chunk is the
 * failure: a prompt it blocks outright (`promptFeedback.blockReason`, no
 * candidates) or an error envelope. A stream is therefore handed over only
 * once its first event is known; a failure there is thrown like an HTTP error,
 * so the client gets a proper error status (and routing may fall back) instead
 * of a 200 stream that fails at once.
 */
import type { ProviderConfig } from '../config/types.js'
import { geminiProviderFormat } from '../formats/gemini/index.js'
import { GatewayError } from '../ir/errors.js'
import type { StreamEvent } from '../ir/types.js'
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

/** The stream, once its first event is in; throws when that event is an error. */
export async function failBeforeFirstEvent(events: AsyncIterable<StreamEvent>, provider: string): Promise<AsyncIterable<StreamEvent>> {
  const iterator = events[Symbol.asyncIterator]()
  const first = await iterator.next()
  if (!first.done && first.value.type === 'error') {
    await iterator.return?.()
    const error = first.value.error
    throw error.with({ provider: error.provider ?? provider, cause: error })
  }
  return (async function* () {
    if (first.done) return
    yield first.value
    yield* { [Symbol.asyncIterator]: () => iterator }
  })()
}

export function createGeminiProvider(config: ProviderConfig): Provider {
  const provider = createHttpProvider(config, geminiProviderFormat, geminiEndpoint(config.baseURL))
  return {
    ...provider,
    stream: async (request, options) => failBeforeFirstEvent(await provider.stream(request, options), config.name),
  }
}
