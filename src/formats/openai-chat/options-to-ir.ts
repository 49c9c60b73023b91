/**
 * Inbound request options that need more than a type check: tools, tool_choice,
 * response_format, stop and reasoning.
 */
import type { ReasoningConfig, ReasoningEffort, ResponseFormat, ToolChoice, ToolDefinition } from '../../ir/types.js'
import {
  type JsonObject,
  invalidRequest,
  invalidType,
  invalidValue,
  isObject,
  missingParameter,
  optionalBoolean,
  optionalInteger,
  optionalObject,
  optionalString,
  requiredString,
} from './check.js'
import { cacheHintOf } from './content-to-ir.js'

const EMPTY_SCHEMA = { type: 'object', properties: {} }

function toolToIR(tool: unknown, param: string): ToolDefinition {
  if (!isObject(tool)) throw invalidType(param, 'an object', tool)
  if (tool.type !== 'function') {
    if (tool.type === undefined) throw missingParameter(`${param}.type`)
    throw invalidRequest(`Tools of type '${String(tool.type)}' are not supported by this gateway; only 'function' tools are.`, `${param}.type`, 'invalid_value')
  }
  const fn = optionalObject(tool, 'function', `${param}.function`)
  if (!fn) throw missingParameter(`${param}.function`)
  const definition: ToolDefinition = {
    name: requiredString(fn, 'name', `${param}.function.name`),
    inputSchema: optionalObject(fn, 'parameters', `${param}.function.parameters`) ?? { ...EMPTY_SCHEMA },
  }
  const description = optionalString(fn, 'description', `${param}.function.description`)
  if (description !== undefined) definition.description = description
  const strict = optionalBoolean(fn, 'strict', `${param}.function.strict`)
  if (strict !== undefined) definition.strict = strict
  const cache = cacheHintOf(tool, param)
  if (cache) definition.cache = cache
  return definition
}

export function toolsToIR(body: JsonObject): ToolDefinition[] | undefined {
  const tools = body.tools
  if (tools === undefined || tools === null) return undefined
  if (!Array.isArray(tools)) throw invalidType('tools', 'an array of objects', tools)
  return tools.map((tool: unknown, i) => toolToIR(tool, `tools[${i}]`))
}

const TOOL_CHOICE_MODES = ['none', 'auto', 'required'] as const

export function toolChoiceToIR(body: JsonObject): ToolChoice | undefined {
  const choice = body.tool_choice
  if (choice === undefined || choice === null) return undefined
  if (typeof choice === 'string') {
    if (!(TOOL_CHOICE_MODES as readonly string[]).includes(choice)) throw invalidValue('tool_choice', choice, TOOL_CHOICE_MODES)
    return { type: choice as (typeof TOOL_CHOICE_MODES)[number] }
  }
  if (!isObject(choice)) throw invalidType('tool_choice', 'one of a string or object', choice)
  if (choice.type !== 'function') throw invalidValue('tool_choice.type', choice.type, ['function'])
  const fn = optionalObject(choice, 'function', 'tool_choice.function')
  if (!fn) throw missingParameter('tool_choice.function')
  return { type: 'tool', name: requiredString(fn, 'name', 'tool_choice.function.name') }
}

const RESPONSE_FORMAT_TYPES = ['text', 'json_object', 'json_schema'] as const

export function responseFormatToIR(body: JsonObject): ResponseFormat | undefined {
  const format = optionalObject(body, 'response_format')
  if (!format) return undefined
  if (format.type === 'text' || format.type === 'json_object') return { type: format.type }
  if (format.type !== 'json_schema') throw invalidValue('response_format.type', format.type, RESPONSE_FORMAT_TYPES)
  const spec = optionalObject(format, 'json_schema', 'response_format.json_schema')
  if (!spec) throw missingParameter('response_format.json_schema')
  const result: ResponseFormat = {
    type: 'json_schema',
    name: requiredString(spec, 'name', 'response_format.json_schema.name'),
    schema: optionalObject(spec, 'schema', 'response_format.json_schema.schema') ?? { ...EMPTY_SCHEMA },
  }
  const description = optionalString(spec, 'description', 'response_format.json_schema.description')
  if (description !== undefined) result.description = description
  const strict = optionalBoolean(spec, 'strict', 'response_format.json_schema.strict')
  if (strict !== undefined) result.strict = strict
  return result
}

export function stopToIR(body: JsonObject): string[] | undefined {
  const stop = body.stop
  if (stop === undefined || stop === null) return undefined
  if (typeof stop === 'string') return [stop]
  if (!Array.isArray(stop)) throw invalidType('stop', 'one of a string or array of strings', stop)
  stop.forEach((item: unknown, i) => {
    if (typeof item !== 'string') throw invalidType(`stop[${i}]`, 'a string', item)
  })
  return stop as string[]
}

const EFFORTS = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'] as const

/** The IR knows efforts up to `high`; OpenAI's newer `xhigh` / `max` ask for the most there is. */
function effortToIR(value: string): ReasoningEffort {
  return value === 'xhigh' || value === 'max' ? 'high' : (value as ReasoningEffort)
}

/**
 * `reasoning_effort`, plus OpenRouter's `reasoning` object ({effort, max_tokens,
 * enabled}) that clients written for OpenRouter send, so they can ask a
 * budget-based provider (Anthropic, Gemini) for a thinking budget.
 */
export function reasoningToIR(body: JsonObject): ReasoningConfig | undefined {
  let reasoning: ReasoningConfig | undefined
  const effort = optionalString(body, 'reasoning_effort')
  if (effort !== undefined) {
    if (!(EFFORTS as readonly string[]).includes(effort)) throw invalidValue('reasoning_effort', effort, EFFORTS)
    reasoning = effort === 'none' ? { enabled: false } : { enabled: true, effort: effortToIR(effort) }
  }
  const extension = optionalObject(body, 'reasoning')
  if (!extension || reasoning?.enabled === false) return reasoning
  const budget = optionalInteger(extension, 'max_tokens', 'reasoning.max_tokens')
  const enabled = optionalBoolean(extension, 'enabled', 'reasoning.enabled')
  const extensionEffort = optionalString(extension, 'effort', 'reasoning.effort')
  if (extensionEffort !== undefined && !(EFFORTS as readonly string[]).includes(extensionEffort)) {
    throw invalidValue('reasoning.effort', extensionEffort, EFFORTS)
  }
  if (enabled === false || extensionEffort === 'none') return { enabled: false }
  const result: ReasoningConfig = { ...(reasoning ?? {}), enabled: true }
  if (result.effort === undefined && extensionEffort !== undefined) result.effort = effortToIR(extensionEffort)
  if (budget !== undefined) result.budgetTokens = budget
  return result
}
