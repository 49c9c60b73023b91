/**
 * Turns an error into a message on stderr and the right exit code. Config and
 * usage problems exit 2, everything else 1; internal stack traces stay hidden
 * unless LLM_GATEWAY_DEBUG is set.
 */
import { ConfigError } from '../config/config-error.js'
import { EXIT_FAILED, EXIT_USAGE } from './exit-codes.js'

export class UsageError extends Error {
  override name = 'UsageError'
}

export function exitCodeFor(error: unknown): number {
  return error instanceof ConfigError || error instanceof UsageError ? EXIT_USAGE : EXIT_FAILED
}

export function fail(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error)
  const prefix = error instanceof ConfigError ? 'config error: ' : 'error: '
  process.stderr.write(`llm-gateway: ${prefix}${message}\n`)
  if (process.env.LLM_GATEWAY_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`)
  process.exit(exitCodeFor(error))
}
