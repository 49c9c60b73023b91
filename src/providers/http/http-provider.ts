/**
 * A provider reached over HTTP: an endpoint description (URLs, auth headers)
 * plus the wire format it speaks. Implements passthrough, translated calls and
 * translated streams the same way for every provider type.
 */
import { defaultMaxOutput } from '../../catalog/index.js'
import type { ProviderConfig } from '../../config/types.js'
import type { ProviderFormat, ProviderRequestOptions } from '../../formats/types.js'
import { GatewayError } from '../../ir/errors.js'
import type { IRRequest, StreamEvent, WireFormatName } from '../../ir/types.js'
import { SSEParser } from '../../util/sse.js'
import type { CallOptions, ForwardOperation, ForwardRequest, Provider, UpstreamResponse } from '../types.js'
import { failBeforeFirstEvent } from './first-event.js'
import { errorInSuccessBody, isDocumentAnswer, streamAnsweredWithDocument } from './success-body.js'
import { readAnswer, statusError } from './upstream-answer.js'
import { createUpstreamClient, networkError, readText } from './upstream-client.js'

export interface Endpoint {
  url(operation: ForwardOperation | 'models', model: string, stream: boolean): string
  /** Auth and protocol headers; `clientHeaders` lets version/beta headers through. */
  headers(apiKey: string | undefined, clientHeaders: Record<string, string>): Record<string, string>
  /** Model ids out of the provider's GET models body. */
  parseModelList(body: unknown): string[]
}

/** Round-robin over the configured keys, so several keys share the load. */
function keyRotation(config: ProviderConfig): () => string | undefined {
  const keys = [config.apiKey, ...config.apiKeys].filter((k): k is string => Boolean(k))
  let next = 0
  return () => (keys.length === 0 ? undefined : keys[next++ % keys.length])
}

export function createHttpProvider(
  config: ProviderConfig,
  format: ProviderFormat,
  endpoint: Endpoint,
): Provider {
  const client = createUpstreamClient(config.name, config.timeouts)
  const nextKey = keyRotation(config)

  function headersFor(clientHeaders: Record<string, string>): Record<string, string> {
    if (config.missingKeyVar) {
      throw new GatewayError(
        'authentication',
        `Provider '${config.name}' has no API key: set ${config.missingKeyVar} in the gateway's environment`,
        { provider: config.name, code: 'provider_key_missing' },
      )
    }
    return { ...endpoint.headers(nextKey(), clientHeaders), ...config.headers }
  }

  async function post(operation: ForwardOperation, model: string, stream: boolean, body: string, options: { clientHeaders: Record<string, string>; signal: AbortSignal }): Promise<UpstreamResponse> {
    const url = endpoint.url(operation, model, stream)
    const headers: Record<string, string> = { 'content-type': 'application/json', ...headersFor(options.clientHeaders) }
    if (stream) headers.accept = 'text/event-stream'
    return client.send({ url, headers, body, signal: options.signal })
  }

  /** Throw the upstream's error (as a GatewayError) when the status is not 2xx. */
  async function ensureOk(response: UpstreamResponse, url: string): Promise<void> {
    if (response.status < 300) return
    throw statusError(format, config, response, await readAnswer(response, config, url))
  }

  /**
   * How the format builds the body. The default max output comes from the
   * catalogue (per host when the provider is a known preset): Anthropic
   * requires max_tokens, and a client of another format may not have sent one.
   */
  function requestOptions(model: string): ProviderRequestOptions {
    return { model, quirks: config.quirks, defaultMaxTokens: defaultMaxOutput(model, { preset: config.preset }) }
  }

  async function* events(response: UpstreamResponse, url: string): AsyncGenerator<StreamEvent> {
    const parser = new SSEParser()
    const decoder = format.createStreamDecoder()
    let finished = false
    try {
      for await (const chunk of response.body) {
        for (const message of parser.push(chunk as Buffer)) {
          for (const event of decoder.decode(message)) {
            if (event.type === 'finish') finished = true
            yield event
          }
        }
      }
      for (const message of parser.end()) yield* decoder.decode(message)
      yield* decoder.end()
    } catch (error) {
      // A connection that fails after the final event has cost the client nothing.
      if (!finished) yield { type: 'error', error: networkError(error, config.name, url, config.timeouts) }
    } finally {
      response.body.destroy()
    }
  }

  const provider: Provider = {
    name: config.name,
    config,
    format: format.name as WireFormatName,

    forward(request: ForwardRequest) {
      return post(request.operation, request.model, request.stream, request.body, request)
    },

    async generate(request: IRRequest, options: CallOptions) {
      const body = JSON.stringify(format.requestFromIR({ ...request, stream: false }, requestOptions(options.model)))
      const url = endpoint.url('chat', options.model, false)
      const response = await post('chat', options.model, false, body, options)
      await ensureOk(response, url)
      const text = await readAnswer(response, config, url)
      // A 200 carrying HTML, text or an error envelope is not an answer.
      const unusable = errorInSuccessBody(format, config, text, response.headers)
      if (unusable) throw unusable
      let json: unknown
      try {
        json = JSON.parse(text)
      } catch {
        throw new GatewayError('bad_gateway', `Provider '${config.name}' answered with a body that is not JSON`, { provider: config.name })
      }
      return format.responseToIR(json)
    },

    async stream(request: IRRequest, options: CallOptions) {
      const body = JSON.stringify(format.requestFromIR({ ...request, stream: true }, requestOptions(options.model)))
      const url = endpoint.url('chat', options.model, true)
      const response = await post('chat', options.model, true, body, options)
      await ensureOk(response, url)
      if (isDocumentAnswer(response.headers)) {
        throw streamAnsweredWithDocument(format, config, await readAnswer(response, config, url), response.headers)
      }
      return failBeforeFirstEvent(events(response, url), config.name)
    },

    async listModels(signal?: AbortSignal) {
      const url = endpoint.url('models', '', false)
      const response = await client.send({
        url,
        method: 'GET',
        headers: headersFor({}),
        signal: signal ?? AbortSignal.timeout(config.timeouts.connectMs + 10_000),
      })
      await ensureOk(response, url)
      return endpoint.parseModelList(JSON.parse(await readText(response)))
    },

    close: () => client.close(),
  }
  return provider
}
