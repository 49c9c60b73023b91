/**
 * Field checks for inbound OpenAI bodies. Errors read like OpenAI's own
 * ("Invalid type for 'messages[2].content': expected ...") and carry the field
 * path as `param`, so SDK users see familiar messages.
 */
import { GatewayError } from '../../ir/errors.js'

export type JsonObject = Record<string, unknown>

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function invalidRequest(message: string, param: string | undefined, code?: string): GatewayError {
  return new GatewayError('invalid_request', message, { param, code })
}

/** How OpenAI names a JSON value's type in its error messages. */
export function describeType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a decimal'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'string') return 'a string'
  if (typeof value === 'boolean') return 'a boolean'
  return `a ${typeof value}`
}

export function invalidType(param: string, expected: string, value: unknown): GatewayError {
  return invalidRequest(
    `Invalid type for '${param}': expected ${expected}, but got ${describeType(value)} instead.`,
    param,
    'invalid_type',
  )
}

export function missingParameter(param: string): GatewayError {
  return invalidRequest(`Missing required parameter: '${param}'.`, param, 'missing_required_parameter')
}

/** "Supported values are: 'a', 'b', and 'c'." */
export function invalidValue(param: string, value: unknown, supported: readonly string[]): GatewayError {
  const quoted = supported.map((s) => `'${s}'`)
  const list = quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')}, and ${quoted.at(-1)}` : quoted.join('')
  const shown = typeof value === 'string' ? value : JSON.stringify(value)
  return invalidRequest(`Invalid value: '${shown}'. Supported values are: ${list}.`, param, 'invalid_value')
}

/** Optional fields: absent and `null` both mean "not given", as OpenAI treats them. */
export function optionalString(obj: JsonObject, key: string, param = key): string | undefined {
  const value = obj[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') throw invalidType(param, 'a string', value)
  return value
}

export function optionalNumber(obj: JsonObject, key: string, param = key): number | undefined {
  const value = obj[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidType(param, 'a number', value)
  return value
}

export function optionalInteger(obj: JsonObject, key: string, param = key): number | undefined {
  const value = obj[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'number' || !Number.isInteger(value)) throw invalidType(param, 'an integer', value)
  return value
}

export function optionalBoolean(obj: JsonObject, key: string, param = key): boolean | undefined {
  const value = obj[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'boolean') throw invalidType(param, 'a boolean', value)
  return value
}

export function optionalObject(obj: JsonObject, key: string, param = key): JsonObject | undefined {
  const value = obj[key]
  if (value === undefined || value === null) return undefined
  if (!isObject(value)) throw invalidType(param, 'an object', value)
  return value
}

export function requiredString(obj: JsonObject, key: string, param: string): string {
  const value = optionalString(obj, key, param)
  if (value === undefined) throw missingParameter(param)
  return value
}
