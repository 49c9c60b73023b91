/**
 * An IRRequest as the body for an OpenAI-compatible service. Quirks fold in the
 * differences between services (see OpenAIQuirks in ../types.ts).
 */
import type { IRRequest, ReasoningConfig, ReasoningEffort, ResponseFormat, ToolChoice, ToolDefinition } from '../../ir/types.js'
import type { OpenAIQuirks, ProviderRequestOptions } from '../types.js'
import { messagesToOpenAI } from './ir-to-messages.js'
import type { OpenAIChatRequest, OpenAIResponseFormat, OpenAITool, OpenAIToolChoice } from './wire-types.js'

function toolToOpenAI(tool: ToolDefinition): OpenAITool {
  const fn: OpenAITool['function'] = { name: tool.name }
  if (tool.description !== undefined) fn.description = tool.description
  fn.parameters = tool.inputSchema
  if (tool.strict !== undefined) fn.strict = tool.strict
  return { type: 'function', function: fn }
}

function toolChoiceToOpenAI(choice: ToolChoice): OpenAIToolChoice {
  return choice.type === 'tool' ? { type: 'function', function: { name: choice.name } } : choice.type
}

function responseFormatToOpenAI(format: ResponseFormat): OpenAIResponseFormat {
  if (format.type !== 'json_schema') return { type: format.type }
  // OpenAI requires a schema name; formats that have none (Gemini, Anthropic) get a neutral one.
  const spec: Extract<OpenAIResponseFormat, { type: 'json_schema' }>['json_schema'] = { name: format.name ?? 'response' }
  if (format.description !== undefined) spec.description = format.description
  spec.schema = format.schema
  if (format.strict !== undefined) spec.strict = format.strict
  return { type: 'json_schema', json_schema: spec }
}

/**
 * A thinking budget (Anthropic/Gemini style) as an OpenAI effort:
 *   budget < 4096 -> low, < 16384 -> medium, otherwise high.
 * Anthropic's minimum budget is 1024, and 16k is where its docs start calling
 * a budget large, so the bands follow the usual small / default / large split.
 */
export function effortForBudget(budgetTokens: number): ReasoningEffort {
  if (budgetTokens < 4096) return 'low'
  if (budgetTokens < 16384) return 'medium'
  return 'high'
}

/** The effort to send; none when reasoning is off or unspecified (the service's default applies). */
function reasoningEffort(reasoning: ReasoningConfig | undefined): ReasoningEffort | undefined {
  if (!reasoning?.enabled) return undefined
  if (reasoning.effort) return reasoning.effort
  return reasoning.budgetTokens === undefined ? undefined : effortForBudget(reasoning.budgetTokens)
}

function setIfDefined<K extends keyof OpenAIChatRequest>(body: OpenAIChatRequest, key: K, value: OpenAIChatRequest[K] | undefined): void {
  if (value !== undefined) body[key] = value
}

function addTools(body: OpenAIChatRequest, request: IRRequest, quirks: OpenAIQuirks): void {
  if (request.tools && request.tools.length > 0) {
    body.tools = request.tools.map(toolToOpenAI)
    // OpenAI rejects parallel_tool_calls when no tools are given.
    if (!quirks.noParallelToolCalls) setIfDefined(body, 'parallel_tool_calls', request.parallelToolCalls)
  }
  if (request.toolChoice) body.tool_choice = toolChoiceToOpenAI(request.toolChoice)
}

function addSampling(body: OpenAIChatRequest, request: IRRequest, options: ProviderRequestOptions, quirks: OpenAIQuirks): void {
  const maxTokens = request.maxTokens ?? options.defaultMaxTokens
  if (maxTokens !== undefined) body[quirks.maxCompletionTokens ? 'max_completion_tokens' : 'max_tokens'] = maxTokens
  setIfDefined(body, 'temperature', request.temperature)
  setIfDefined(body, 'top_p', request.topP)
  if (request.stop && request.stop.length > 0) body.stop = request.stop
  if (request.responseFormat) body.response_format = responseFormatToOpenAI(request.responseFormat)
  if (!quirks.noReasoningEffort) setIfDefined(body, 'reasoning_effort', reasoningEffort(request.reasoning))
  setIfDefined(body, 'user', request.user)
  setIfDefined(body, 'n', request.n)
  setIfDefined(body, 'seed', request.seed)
  setIfDefined(body, 'frequency_penalty', request.frequencyPenalty)
  setIfDefined(body, 'presence_penalty', request.presencePenalty)
}

export function requestFromIR(request: IRRequest, options: ProviderRequestOptions): OpenAIChatRequest {
  const quirks = options.quirks ?? {}
  const body: OpenAIChatRequest = { model: options.model, messages: messagesToOpenAI(request, quirks) }
  addTools(body, request, quirks)
  addSampling(body, request, options, quirks)
  if (request.stream) {
    body.stream = true
    // Always ask for usage: the gateway logs and prices every streamed reply.
    if (!quirks.noStreamOptions) body.stream_options = { include_usage: true }
  }
  return body
}
