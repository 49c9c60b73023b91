/**
 * `tools` and `tool_choice` of an Anthropic request -> IR. Server tools
 * (web search, code execution, ...) run inside Anthropic's API, so they are
 * refused when the request is being translated for another provider.
 */
import type { ToolChoice, ToolDefinition } from '../../ir/types.js'
import { parseCacheControl } from './cache-control.js'
import {
  FIELD_REQUIRED,
  invalid,
  isRecord,
  NOT_LIST,
  NOT_OBJECT,
  optionalBoolean,
  optionalString,
  type Path,
  requireString,
} from './invalid.js'

function parseTool(tool: unknown, path: Path): ToolDefinition {
  if (!isRecord(tool)) throw invalid(path, NOT_OBJECT)
  if (tool.type !== undefined && tool.type !== null && tool.type !== 'custom') {
    throw invalid(
      [...path, 'type'],
      `server tool '${String(tool.type)}' runs inside Anthropic's API and cannot be translated for a non-Anthropic provider`,
    )
  }
  const name = requireString(tool.name, [...path, 'name'])
  if (!/^[a-zA-Z0-9_-]{1,128}$/.test(name)) {
    throw invalid([...path, 'name'], "String should match pattern '^[a-zA-Z0-9_-]{1,128}$'")
  }
  if (tool.input_schema === undefined) throw invalid([...path, 'input_schema'], FIELD_REQUIRED)
  if (!isRecord(tool.input_schema)) throw invalid([...path, 'input_schema'], NOT_OBJECT)
  const definition: ToolDefinition = { name, inputSchema: tool.input_schema }
  const description = optionalString(tool.description, [...path, 'description'])
  if (description !== undefined) definition.description = description
  const strict = optionalBoolean(tool.strict, [...path, 'strict'])
  if (strict !== undefined) definition.strict = strict
  const cache = parseCacheControl(tool.cache_control, [...path, 'cache_control'])
  if (cache) definition.cache = cache
  return definition
}

export function parseTools(tools: unknown): ToolDefinition[] | undefined {
  if (tools === undefined || tools === null) return undefined
  if (!Array.isArray(tools)) throw invalid(['tools'], NOT_LIST)
  return tools.map((tool, i) => parseTool(tool, ['tools', i]))
}

export interface ParsedToolChoice {
  toolChoice?: ToolChoice
  /** false when the client set `disable_parallel_tool_use`. */
  parallelToolCalls?: boolean
}

export function parseToolChoice(value: unknown): ParsedToolChoice {
  if (value === undefined || value === null) return {}
  const path = ['tool_choice']
  if (!isRecord(value)) throw invalid(path, NOT_OBJECT)
  const disable = optionalBoolean(value.disable_parallel_tool_use, [...path, 'disable_parallel_tool_use'])
  const parallel = disable === true ? { parallelToolCalls: false } : {}
  switch (value.type) {
    case 'auto':
      return { toolChoice: { type: 'auto' }, ...parallel }
    case 'any':
      return { toolChoice: { type: 'required' }, ...parallel }
    case 'none':
      return { toolChoice: { type: 'none' } }
    case 'tool':
      return { toolChoice: { type: 'tool', name: requireString(value.name, [...path, 'name']) }, ...parallel }
    default:
      throw invalid([...path, 'type'], "Input should be 'auto', 'any', 'tool' or 'none'")
  }
}
