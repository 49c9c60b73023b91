/**
 * An Anthropic Messages request body -> IRRequest, validating every field the
 * translation relies on and naming the field at fault in Anthropic's words.
 * Fields only Anthropic understands (service_tier, container, ...) are
 * ignored: this path serves non-Anthropic providers.
 */
import type {
  CacheHint,
  IRRequest,
  Message,
  ReasoningConfig,
  ReasoningEffort,
  ResponseFormat,
  TextPart,
} from '../../ir/types.js'
import { parseCacheControl } from './cache-control.js'
import {
  invalid,
  isRecord,
  NOT_LIST,
  NOT_OBJECT,
  NOT_STRING,
  optionalInteger,
  optionalNumber,
  optionalString,
} from './invalid.js'
import { parseMessageContent, parseTextBlock } from './parse-content.js'
import { parseToolChoice, parseTools } from './parse-tools.js'
import { validateRequest } from './validate-request.js'

function parseSystem(system: unknown): TextPart[] {
  if (system === undefined || system === null) return []
  if (typeof system === 'string') return system === '' ? [] : [{ type: 'text', text: system }]
  if (!Array.isArray(system)) throw invalid(['system'], NOT_LIST)
  return system.map((block, i) => {
    if (!isRecord(block)) throw invalid(['system', i], NOT_OBJECT)
    if (block.type !== 'text') throw invalid(['system', i, 'type'], "Input should be 'text'")
    return parseTextBlock(block, ['system', i])
  })
}

function parseMessages(messages: unknown[]): Message[] {
  return messages.map((message, i) => {
    const m = message as Record<string, unknown>
    const role = m.role as 'user' | 'assistant'
    return { role, parts: parseMessageContent(m.content, ['messages', i, 'content'], role) }
  })
}

function parseThinking(thinking: unknown): ReasoningConfig | undefined {
  if (thinking === undefined || thinking === null) return undefined
  if (!isRecord(thinking)) throw invalid(['thinking'], NOT_OBJECT)
  switch (thinking.type) {
    case 'enabled': {
      const budget = optionalInteger(thinking.budget_tokens, ['thinking', 'enabled', 'budget_tokens'], 1024)
      if (budget === undefined) throw invalid(['thinking', 'enabled', 'budget_tokens'], 'Field required')
      return { enabled: true, budgetTokens: budget }
    }
    case 'disabled':
      return { enabled: false }
    case 'adaptive':
      // The model decides how much to think: "on", with no budget.
      return { enabled: true }
    default:
      throw invalid(['thinking', 'type'], "Input should be 'enabled', 'disabled' or 'adaptive'")
  }
}

const EFFORT: Record<string, ReasoningEffort> = { low: 'low', medium: 'medium', high: 'high', xhigh: 'high', max: 'high' }

interface OutputOptions {
  effort?: ReasoningEffort
  responseFormat?: ResponseFormat
}

function parseOutputConfig(config: unknown): OutputOptions {
  if (config === undefined || config === null) return {}
  if (!isRecord(config)) throw invalid(['output_config'], NOT_OBJECT)
  const options: OutputOptions = {}
  if (config.effort !== undefined && config.effort !== null) {
    const effort = typeof config.effort === 'string' ? EFFORT[config.effort] : undefined
    if (!effort) throw invalid(['output_config', 'effort'], "Input should be 'low', 'medium', 'high', 'xhigh' or 'max'")
    options.effort = effort
  }
  const format = config.format
  if (format !== undefined && format !== null) {
    if (!isRecord(format)) throw invalid(['output_config', 'format'], NOT_OBJECT)
    if (format.type !== 'json_schema') throw invalid(['output_config', 'format', 'type'], "Input should be 'json_schema'")
    if (!isRecord(format.schema)) throw invalid(['output_config', 'format', 'schema'], NOT_OBJECT)
    options.responseFormat = { type: 'json_schema', schema: format.schema }
  }
  return options
}

function combineReasoning(thinking: ReasoningConfig | undefined, effort: ReasoningEffort | undefined): ReasoningConfig | undefined {
  if (!effort) return thinking
  return { ...(thinking ?? { enabled: true }), effort }
}

function parseStopSequences(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined
  if (!Array.isArray(value)) throw invalid(['stop_sequences'], NOT_LIST)
  return value.map((stop, i) => {
    if (typeof stop !== 'string') throw invalid(['stop_sequences', i], NOT_STRING)
    return stop
  })
}

function parseUser(metadata: unknown): string | undefined {
  if (metadata === undefined || metadata === null) return undefined
  if (!isRecord(metadata)) throw invalid(['metadata'], NOT_OBJECT)
  return optionalString(metadata.user_id, ['metadata', 'user_id'])
}

/** Top-level `cache_control` marks the last cacheable block of the request. */
function applyTopLevelCache(messages: Message[], hint: CacheHint | undefined): void {
  if (!hint) return
  const last = messages.at(-1)?.parts
  if (!last) return
  for (let i = last.length - 1; i >= 0; i--) {
    const part = last[i]
    if (part.type === 'thinking' || part.type === 'redacted_thinking') continue
    part.cache ??= hint
    return
  }
}

export function requestToIR(body: unknown): IRRequest {
  validateRequest(body)
  const b = body as Record<string, unknown>
  const messages = parseMessages(b.messages as unknown[])
  applyTopLevelCache(messages, parseCacheControl(b.cache_control, ['cache_control']))
  const output = parseOutputConfig(b.output_config)
  const request: IRRequest = {
    model: b.model as string,
    system: parseSystem(b.system),
    messages,
    maxTokens: b.max_tokens as number,
    stream: b.stream === true,
  }
  const tools = parseTools(b.tools)
  if (tools) request.tools = tools
  Object.assign(request, parseToolChoice(b.tool_choice))
  const reasoning = combineReasoning(parseThinking(b.thinking), output.effort)
  if (reasoning) request.reasoning = reasoning
  if (output.responseFormat) request.responseFormat = output.responseFormat
  const user = parseUser(b.metadata)
  if (user !== undefined) request.user = user
  const stop = parseStopSequences(b.stop_sequences)
  if (stop) request.stop = stop
  const temperature = optionalNumber(b.temperature, ['temperature'], 0, 1)
  if (temperature !== undefined) request.temperature = temperature
  const topP = optionalNumber(b.top_p, ['top_p'], 0, 1)
  if (topP !== undefined) request.topP = topP
  const topK = optionalInteger(b.top_k, ['top_k'], 0)
  if (topK !== undefined) request.topK = topK
  return request
}
