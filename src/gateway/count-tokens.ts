/**
 * POST /v1/messages/count_tokens: an Anthropic provider counts exactly (the
 * body is forwarded like any passthrough, model rewritten); any other provider
 * gets a local estimate over the parsed request, in the same response shape,
 * `{"input_tokens": N}`.
 *
 * A count_tokens body is a Messages body without `max_tokens`, so it is
 * validated and parsed as one with a placeholder limit: the limit never
 * affects how many input tokens there are.
 */
import { anthropicClientFormat } from '../formats/anthropic/index.js'
import { estimateInputTokens } from '../ir/estimate-tokens.js'
import type { IRRequest } from '../ir/types.js'
import type { Target } from '../routing/types.js'
import { type AttemptContext, JSON_HEADERS, speaksClientFormat } from './attempt.js'
import { passthrough } from './passthrough.js'
import type { GatewayResponse } from './types.js'

/** Tells the client the count is the gateway's estimate, not the provider's. */
export const ESTIMATE_HEADER = 'x-llm-gateway-token-count'

const PLACEHOLDER_MAX_TOKENS = 1

function asMessagesBody(body: unknown): unknown {
  const isObject = typeof body === 'object' && body !== null && !Array.isArray(body)
  return isObject ? { ...body, max_tokens: PLACEHOLDER_MAX_TOKENS } : body
}

/** Anthropic's checks for a count_tokens body (model, messages ...), everything but max_tokens. */
export function validateCountTokensRequest(body: unknown): void {
  anthropicClientFormat.validateRequest(asMessagesBody(body))
}

export function countTokensRequestToIR(body: unknown): IRRequest {
  return anthropicClientFormat.parseRequest(asMessagesBody(body))
}

export async function countTokens(context: AttemptContext, target: Target): Promise<GatewayResponse> {
  // An Anthropic provider counts exactly: the request goes to it as sent.
  if (speaksClientFormat(context.client, target)) return passthrough(context, target)
  const body = { input_tokens: estimateInputTokens(context.ir()) }
  context.trace.firstByte()
  context.trace.finish(() => ({ status: 200, response: body }))
  return { status: 200, headers: { ...JSON_HEADERS, [ESTIMATE_HEADER]: 'estimate' }, body: JSON.stringify(body) }
}
