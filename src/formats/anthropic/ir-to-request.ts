/**
 * IRRequest -> the body the gateway POSTs to Anthropic's /v1/messages.
 *
 * What does not map one to one:
 * - max_tokens is required: the request's, else options.defaultMaxTokens, else
 *   4,096; reasoning turns into `thinking` per reasoning-budget.ts.
 * - With thinking on, Anthropic rejects temperature and top_k and accepts top_p
 *   only from 0.95 up: those are dropped. Otherwise temperature is clamped to
 *   Anthropic's 0..1 (OpenAI's range is 0..2), and when both temperature and
 *   top_p are set only temperature is sent (recent models reject the pair).
 * - Thinking is also left out when the conversation's last tool-use turn lost
 *   its thinking block (thinking-history.ts): Anthropic would reject it.
 * - response_format json_schema -> `output_config.format` (structured outputs);
 *   json_object has no schema to give, so a system instruction asks for a bare
 *   JSON object instead.
 * - seed, frequency/presence penalties have no Anthropic equivalent and are
 *   dropped; n > 1 is refused.
 * - Requests without any cache hint get automatic breakpoints (auto-cache.ts).
 */
import { GatewayError } from '../../ir/errors.js'
import type { IRRequest, TextPart, ToolChoice, ToolDefinition } from '../../ir/types.js'
import type { ProviderRequestOptions } from '../types.js'
import { applyAutoCache, hasCacheHints } from './auto-cache.js'
import { withCacheControl } from './cache-control.js'
import { messagesFromIR } from './ir-to-messages.js'
import { planThinking } from './reasoning-budget.js'
import { historyAllowsThinking } from './thinking-history.js'
import type { AnthropicRequest, AnthropicTextBlock, AnthropicTool, AnthropicToolChoice } from './wire-types.js'

export const JSON_OBJECT_INSTRUCTION =
  'Respond with a single valid JSON object and nothing else: no prose, no Markdown code fences.'

/** With thinking on, Anthropic accepts top_p only in [0.95, 1]. */
const MIN_TOP_P_WITH_THINKING = 0.95

function systemFromIR(system: TextPart[], request: IRRequest): AnthropicTextBlock[] {
  const blocks: AnthropicTextBlock[] = system
    .filter((part) => part.text !== '')
    .map((part) => ({ type: 'text', text: part.text, ...withCacheControl(part.cache) }))
  if (request.responseFormat?.type === 'json_object') blocks.push({ type: 'text', text: JSON_OBJECT_INSTRUCTION })
  return blocks
}

function toolFromIR(tool: ToolDefinition): AnthropicTool {
  // Anthropic requires an object schema; OpenAI allows a function without parameters.
  const schema = tool.inputSchema?.type ? tool.inputSchema : { type: 'object', properties: {}, ...tool.inputSchema }
  return {
    name: tool.name,
    ...(tool.description !== undefined ? { description: tool.description } : {}),
    input_schema: schema,
    ...(tool.strict !== undefined ? { strict: tool.strict } : {}),
    ...withCacheControl(tool.cache),
  }
}

function toolChoiceFromIR(choice: ToolChoice | undefined, parallel: boolean | undefined): AnthropicToolChoice | undefined {
  const disable = parallel === false ? { disable_parallel_tool_use: true } : {}
  switch (choice?.type) {
    case undefined:
      return parallel === false ? { type: 'auto', disable_parallel_tool_use: true } : undefined
    case 'none':
      return { type: 'none' }
    case 'auto':
      return { type: 'auto', ...disable }
    case 'required':
      return { type: 'any', ...disable }
    case 'tool':
      return { type: 'tool', name: choice.name, ...disable }
  }
}

function applySampling(body: AnthropicRequest, request: IRRequest, thinking: boolean): void {
  if (request.temperature !== undefined && !thinking) body.temperature = Math.min(1, Math.max(0, request.temperature))
  // Recent Claude models reject temperature and top_p together; temperature wins.
  const topPAllowed = thinking ? (request.topP ?? 0) >= MIN_TOP_P_WITH_THINKING : body.temperature === undefined
  if (request.topP !== undefined && topPAllowed) body.top_p = request.topP
  if (request.topK !== undefined && !thinking) body.top_k = request.topK
}

export function requestFromIR(request: IRRequest, options: ProviderRequestOptions): AnthropicRequest {
  if (request.n !== undefined && request.n > 1) {
    throw new GatewayError('invalid_request', 'n > 1 is not supported by Anthropic models', { param: 'n' })
  }
  const messages = messagesFromIR(request.messages)
  let plan = planThinking(request, options.defaultMaxTokens)
  if (plan.budgetTokens !== undefined && !historyAllowsThinking(messages)) {
    plan = planThinking({ ...request, reasoning: undefined }, options.defaultMaxTokens)
  }
  const body: AnthropicRequest = { model: options.model, max_tokens: plan.maxTokens, messages: [] }
  const system = systemFromIR(request.system, request)
  if (system.length > 0) body.system = system
  body.messages = messages
  if (request.tools?.length) {
    body.tools = request.tools.map(toolFromIR)
    const choice = toolChoiceFromIR(request.toolChoice, request.parallelToolCalls)
    if (choice) body.tool_choice = choice
  }
  if (plan.budgetTokens !== undefined) body.thinking = { type: 'enabled', budget_tokens: plan.budgetTokens }
  applySampling(body, request, plan.budgetTokens !== undefined)
  if (request.stop?.length) body.stop_sequences = request.stop
  if (request.user !== undefined) body.metadata = { user_id: request.user }
  if (request.responseFormat?.type === 'json_schema') {
    body.output_config = { format: { type: 'json_schema', schema: request.responseFormat.schema } }
  }
  if (request.stream) body.stream = true
  if (!hasCacheHints(request)) applyAutoCache(body)
  return body
}
