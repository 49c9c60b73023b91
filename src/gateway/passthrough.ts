/**
 * The fast path: client and provider speak the same format, so the client's
 * body goes upstream with only the model rewritten and the response comes back
 * byte for byte, streamed chunk by chunk as it arrives. The traffic log's
 * assembled response is decoded from the relayed chunks alongside.
 */
import { providerFormats } from '../formats/registry.js'
import { GatewayError } from '../ir/errors.js'
import { errorInSuccessBody, isDocumentAnswer, streamAnsweredWithDocument } from '../providers/http/success-body.js'
import { readAnswer, statusError } from '../providers/http/upstream-answer.js'
import { readText } from '../providers/http/upstream-client.js'
import type { UpstreamResponse } from '../providers/types.js'
import type { Target } from '../routing/types.js'
import { type AttemptContext, JSON_HEADERS, SSE_HEADERS } from './attempt.js'
import { rewriteModel } from './rewrite-model.js'
import { relayStream } from './relay-stream.js'
import { StreamAssembler } from './stream-assembler.js'
import type { GatewayResponse } from './types.js'

/** Upstream response headers worth passing on (ids, rate limits, retry hints); never auth or hop-by-hop ones. */
const FORWARDED_NAMES = new Set(['x-request-id', 'request-id', 'openai-processing-ms', 'openai-version', 'retry-after', 'x-should-retry'])
const FORWARDED_PREFIXES = ['x-ratelimit-', 'anthropic-ratelimit-']

/** Checked per upstream header on every response: a set lookup and two prefix checks, no regex. */
export function isForwardedHeader(name: string): boolean {
  return FORWARDED_NAMES.has(name) || name.startsWith(FORWARDED_PREFIXES[0]) || name.startsWith(FORWARDED_PREFIXES[1])
}

/**
 * `base`'s headers, then the upstream's worth passing on. Object.assign, not a
 * spread: on Node 20 every property added to a spread copy builds a new hidden
 * class (~0.5 µs each, bench/), which a dozen headers made ~6 µs per request.
 */
function withRelayedHeaders(base: Record<string, string>, upstream: UpstreamResponse): Record<string, string> {
  const headers: Record<string, string> = Object.assign({}, base)
  const from = upstream.headers
  for (const key in from) if (isForwardedHeader(key)) headers[key] = from[key]
  return headers
}

function relayedHeaders(upstream: UpstreamResponse): Record<string, string> {
  return withRelayedHeaders({}, upstream)
}

function forwardedHeaders(upstream: UpstreamResponse, stream: boolean): Record<string, string> {
  return withRelayedHeaders(stream ? SSE_HEADERS : JSON_HEADERS, upstream)
}

/** The relayed headers of the upstream response an error came from (its request-id, rate limits). */
const errorHeaders = new WeakMap<GatewayError, Record<string, string>>()

/** Headers to send with a passed-through upstream error, so the client sees the upstream's request-id. */
export function upstreamErrorHeaders(error: GatewayError): Record<string, string> {
  return errorHeaders.get(error) ?? {}
}

/** The upstream stream relayed to the client; the log record is assembled alongside. */
function relay(context: AttemptContext, target: Target, upstream: UpstreamResponse) {
  const format = providerFormats[target.provider.format!]
  const assembler = new StreamAssembler(format)
  return relayStream(context, target, format, upstream, {
    onChunk: (chunk) => assembler.push(chunk),
    decodedError: () => assembler.endError(),
    onSettled: ({ completed, failure }) => {
      const cancelled = !completed && (failure === undefined || failure.kind === 'cancelled')
      context.trace.finish(() => {
        const { ir, error, response } = assembler.result(context.client, target.model)
        const streamError = failure ?? error
        return {
          status: cancelled ? 499 : 200,
          usage: ir.usage,
          response,
          error: cancelled ? new GatewayError('cancelled', 'The client disconnected before the stream ended') : streamError,
          cancelled,
        }
      })
    },
  })
}

export async function passthrough(context: AttemptContext, target: Target): Promise<GatewayResponse> {
  const { inbound, trace } = context
  const provider = target.provider
  const format = providerFormats[provider.format!]
  const stream = (inbound.body as { stream?: unknown }).stream === true
  const upstream = await provider.forward!({
    operation: inbound.operation,
    model: target.model,
    body: rewriteModel(inbound.rawBody, inbound.body as { model?: unknown }, target.model),
    stream,
    clientHeaders: inbound.headers,
    signal: context.signal,
  })

  if (upstream.status >= 300) {
    // An error body that breaks off mid-read still leaves the status to go by.
    const failure = statusError(format, provider.config, upstream, await readText(upstream).catch(() => ''))
    errorHeaders.set(failure, relayedHeaders(upstream))
    throw failure
  }

  // Any stream-like answer is relayed; a JSON or HTML document answering a stream request is an error below.
  if (stream && !isDocumentAnswer(upstream.headers)) {
    return { status: upstream.status, headers: forwardedHeaders(upstream, true), body: relay(context, target, upstream) }
  }

  const text = await readAnswer(upstream, provider.config, '')
  // A 200 carrying HTML, text or an error envelope is not an answer: the client gets a 502 it can act on.
  const unusable = stream
    ? streamAnsweredWithDocument(format, provider.config, text, upstream.headers)
    : errorInSuccessBody(format, provider.config, text, upstream.headers)
  if (unusable) {
    errorHeaders.set(unusable, relayedHeaders(upstream))
    throw unusable
  }
  trace.firstByte()
  trace.finish(() => {
    const response = JSON.parse(text) as unknown
    const usage = inbound.operation === 'chat' ? format.responseToIR(response).usage : undefined
    return { status: upstream.status, response, responseText: text, usage }
  })
  return { status: upstream.status, headers: forwardedHeaders(upstream, false), body: text }
}
