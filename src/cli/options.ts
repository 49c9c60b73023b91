/** Parsers for option values shared by several commands; bad values are usage errors (exit 2). */
import { UsageError } from './fail.js'

export function parsePort(value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port expects an integer from 0 to 65535, got "${value}"`)
  return port
}

export function parsePositiveInt(flag: string) {
  return (value: string): number => {
    const n = Number(value)
    if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${flag} expects a positive integer, got "${value}"`)
    return n
  }
}

export function parseNumber(flag: string) {
  return (value: string): number => {
    const n = Number(value)
    if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`${flag} expects a number, got "${value}"`)
    return n
  }
}
