/**
 * 400s worded like Anthropic's own validation errors: `<dotted.path>: <what>`,
 * e.g. "messages.1.content: Input should be a valid list".
 */
import { GatewayError } from '../../ir/errors.js'

export type Path = Array<string | number>

export function pathText(path: Path): string {
  return path.join('.')
}

export function invalid(path: Path, message: string): GatewayError {
  const where = pathText(path)
  return new GatewayError('invalid_request', where ? `${where}: ${message}` : message, where ? { param: where } : {})
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export const FIELD_REQUIRED = 'Field required'
export const NOT_STRING = 'Input should be a valid string'
export const NOT_LIST = 'Input should be a valid list'
export const NOT_OBJECT = 'Input should be a valid dictionary'
export const NOT_BOOLEAN = 'Input should be a valid boolean'
export const NOT_INTEGER = 'Input should be a valid integer'
export const NOT_NUMBER = 'Input should be a valid number'

export function requireString(value: unknown, path: Path): string {
  if (value === undefined) throw invalid(path, FIELD_REQUIRED)
  if (typeof value !== 'string') throw invalid(path, NOT_STRING)
  return value
}

export function optionalString(value: unknown, path: Path): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') throw invalid(path, NOT_STRING)
  return value
}

export function optionalBoolean(value: unknown, path: Path): boolean | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'boolean') throw invalid(path, NOT_BOOLEAN)
  return value
}

export function optionalNumber(value: unknown, path: Path, min: number, max: number): number | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(path, NOT_NUMBER)
  if (value < min) throw invalid(path, `Input should be greater than or equal to ${min}`)
  if (value > max) throw invalid(path, `Input should be less than or equal to ${max}`)
  return value
}

export function optionalInteger(value: unknown, path: Path, min: number): number | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'number' || !Number.isInteger(value)) throw invalid(path, NOT_INTEGER)
  if (value < min) throw invalid(path, `Input should be greater than or equal to ${min}`)
  return value
}
