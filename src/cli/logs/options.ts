/**
 * The `logs` commands' shared options: which folder (`--log-dir`, then
 * LLM_GATEWAY_LOG_DIR, then the config's log.dir) and which records
 * (`--model --provider --status --since`). Bad values are usage errors (exit 2).
 */
import { loadConfig } from '../../config/load.js'
import { expandHome } from '../../config/validate.js'
import { InvalidFilterError, parseSince, parseStatus, type RecordFilter } from '../../log/filter.js'
import { UsageError } from '../fail.js'

export interface LogDirOptions {
  logDir?: string
  config?: string
}

export interface FilterOptions {
  model?: string
  provider?: string
  status?: string
  since?: string
}

export interface LogsOptions extends LogDirOptions, FilterOptions {
  json?: boolean
  limit?: number
}

export async function resolveLogDir(options: LogDirOptions, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (options.logDir) return expandHome(options.logDir)
  if (env.LLM_GATEWAY_LOG_DIR) return expandHome(env.LLM_GATEWAY_LOG_DIR)
  return (await loadConfig({ configPath: options.config, env })).log.dir
}

export function buildFilter(options: FilterOptions, now = Date.now()): RecordFilter {
  try {
    return {
      model: options.model,
      provider: options.provider,
      status: options.status === undefined ? undefined : parseStatus(options.status),
      since: options.since === undefined ? undefined : parseSince(options.since, now),
    }
  } catch (error) {
    if (error instanceof InvalidFilterError) throw new UsageError(error.message)
    throw error
  }
}
