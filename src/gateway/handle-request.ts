/**
 * One client request, start to finish: validate, resolve the model, try the
 * targets (passthrough when the formats match, translation otherwise), and
 * answer — errors always in the client's own envelope. Used by the HTTP server
 * and by the one-off CLI commands alike.
 */
import { clientFormats } from '../formats/registry.js'
import type { ClientFormat } from '../formats/types.js'
import { GatewayError, toGatewayError } from '../ir/errors.js'
import type { IRRequest } from '../ir/types.js'
import type { Recorder } from '../log/record.js'
import { runWithFallback } from '../routing/fallback.js'
import { needsOf } from '../routing/needs.js'
import { resolveTargets } from '../routing/resolve-model.js'
import type { RoutingContext, Target } from '../routing/types.js'
import { gatewayAbortReason } from './abort-reason.js'
import { type AttemptContext, JSON_HEADERS, speaksClientFormat } from './attempt.js'
import { countTokens, countTokensRequestToIR, validateCountTokensRequest } from './count-tokens.js'
import { passthrough, upstreamErrorHeaders } from './passthrough.js'
import { type CostFunction, RequestTrace } from './request-trace.js'
import { translated } from './translate.js'
import type { GatewayResponse, InboundRequest } from './types.js'

export interface GatewayRuntime {
  routing: RoutingContext
  recorder: Recorder
  cost: CostFunction
}

/** An error as the client's format renders it; same-format upstream errors pass through verbatim. */
export function errorResponse(client: ClientFormat, error: GatewayError, headers: Record<string, string> = {}): GatewayResponse {
  const out = { ...JSON_HEADERS, ...headers }
  if (error.retryAfterMs !== undefined) out['retry-after'] = String(Math.ceil(error.retryAfterMs / 1000))
  if (error.upstreamBody && error.upstreamFormat === client.name) {
    try {
      JSON.parse(error.upstreamBody)
      return { status: error.status, headers: out, body: error.upstreamBody }
    } catch {
      // not JSON: render it ourselves below
    }
  }
  const rendered = client.renderError(error)
  return { status: rendered.status, headers: out, body: JSON.stringify(rendered.body) }
}

/**
 * What routing did, for the client: the provider and model that answered (or
 * were tried last, on failure), how many attempts it took, and the suggested
 * replacement when the model is retired or deprecated.
 */
function routingHeaders(trace: RequestTrace, target?: Target): Record<string, string> {
  const headers: Record<string, string> = { 'x-llm-gateway-attempts': String(trace.attempts.length) }
  const last = trace.attempts.at(-1)
  const provider = target?.provider.name ?? last?.provider
  const model = target?.model ?? last?.providerModel
  if (provider) headers['x-llm-gateway-provider'] = provider
  if (model) headers['x-llm-gateway-model'] = model
  const catalog = target?.catalog
  if (catalog?.replacedBy && (catalog.status === 'retired' || catalog.status === 'deprecated')) headers['x-llm-gateway-replaced-by'] = catalog.replacedBy
  return headers
}

/**
 * Anything thrown, as a GatewayError. A stack overflow here comes from walking
 * the client's JSON (a schema nested thousands deep): the client's problem, a 400.
 */
function asGatewayError(caught: unknown): GatewayError {
  // Routing wraps what an attempt throws: look at the cause of an internal error too.
  const root = caught instanceof GatewayError && caught.kind === 'api_error' && caught.cause !== undefined ? caught.cause : caught
  if (root instanceof RangeError && /call stack/i.test(root.message)) {
    return new GatewayError('invalid_request', 'The request body is nested too deeply to process', { code: 'nesting_too_deep' })
  }
  return toGatewayError(caught)
}

export async function handleRequest(runtime: GatewayRuntime, inbound: InboundRequest): Promise<GatewayResponse> {
  const client = clientFormats[inbound.format]
  const trace = new RequestTrace(
    { format: inbound.format, endpoint: inbound.endpoint, headers: inbound.headers, origin: inbound.origin ?? 'server' },
    runtime.recorder,
    runtime.cost,
  )
  trace.request = inbound.body
  // The log keeps the body as the client sent it (byte-faithful, and no second serialization).
  if (!inbound.bodyError) trace.requestText = inbound.rawBody
  // Known even when validation fails, so failed requests are logged under their model.
  const requested = inbound.body as { model?: unknown; stream?: unknown } | undefined
  if (typeof requested?.model === 'string') trace.model = requested.model
  trace.stream = requested?.stream === true
  const idHeader = { 'x-llm-gateway-id': trace.id }

  // One signal for the whole request: the client leaving (or the gateway stopping it) aborts every upstream call.
  const { signal } = inbound

  try {
    if (inbound.bodyError) throw inbound.bodyError
    // count_tokens bodies are Messages bodies without max_tokens.
    const counting = inbound.operation === 'count_tokens'
    if (counting) validateCountTokensRequest(inbound.body)
    else client.validateRequest(inbound.body)
    const body = inbound.body as { model: string }
    let ir: IRRequest | undefined
    const parseIR = () => (ir ??= counting ? countTokensRequestToIR(inbound.body) : client.parseRequest(inbound.body))
    const targets = await resolveTargets(body.model, runtime.routing, { needs: () => needsOf(parseIR()) })

    const context: AttemptContext = { inbound, client, trace, signal, ir: parseIR }
    const { routing } = runtime
    const { value, target } = await runWithFallback(
      targets,
      trace.attempts,
      signal,
      (candidate) => {
        trace.provider = candidate.provider.name
        trace.providerModel = candidate.model
        if (counting) return countTokens(context, candidate)
        return speaksClientFormat(client, candidate) ? passthrough(context, candidate) : translated(context, candidate)
      },
      { settings: routing.settings, breakers: routing.breakers },
    )
    // Object.assign, not a spread: properties added past a spread copy cost a new hidden class each on Node 20.
    value.headers = Object.assign({}, value.headers, idHeader, routingHeaders(trace, target))
    return value
  } catch (caught) {
    // Stopped by the gateway itself (shutdown): the client hears why, and the log says so.
    const stoppedBy = gatewayAbortReason(signal)
    const error = stoppedBy ?? asGatewayError(caught)
    const cancelled = !stoppedBy && (error.kind === 'cancelled' || signal.aborted)
    const response = errorResponse(client, error, { ...upstreamErrorHeaders(error), ...idHeader, ...routingHeaders(trace) })
    // The status the client got (a format may render a kind its own way, e.g. Anthropic's 529).
    trace.finish(() => ({ status: cancelled ? 499 : response.status, error, cancelled }))
    return response
  }
}
