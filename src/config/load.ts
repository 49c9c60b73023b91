/**
 * Finds and loads the config: `--config PATH`, else cosmiconfig's search of the
 * working directory (gateway.config.json, .gatewayrc, gateway.config.ts, ...),
 * else the zero-config default (mock + every well-known provider whose key is
 * in the environment).
 */
import { existsSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { presetsFromEnv } from '../providers/presets.js'
import { ConfigError } from './config-error.js'
import { interpolateEnv, type MissingVariable } from './interpolate-env.js'
import type { GatewayConfig } from './types.js'
import { validateConfig } from './validate.js'

export const CONFIG_SEARCH_PLACES = [
  'gateway.config.json',
  '.gatewayrc',
  '.gatewayrc.json',
  '.gatewayrc.yaml',
  '.gatewayrc.yml',
  'gateway.config.ts',
  'gateway.config.mjs',
  'gateway.config.js',
  'package.json',
]

export interface LoadOptions {
  /** Explicit file (`--config`). */
  configPath?: string
  cwd?: string
  env?: NodeJS.ProcessEnv
}

async function loadTypeScript(filepath: string): Promise<unknown> {
  const { createJiti } = await import('jiti')
  const jiti = createJiti(import.meta.url, { moduleCache: false })
  const mod = (await jiti.import(filepath)) as { default?: unknown }
  return mod && typeof mod === 'object' && 'default' in mod ? mod.default : mod
}

async function readConfigFile(options: LoadOptions): Promise<{ file: string; raw: unknown } | null> {
  const { cosmiconfig } = await import('cosmiconfig')
  const explorer = cosmiconfig('llm-gateway', {
    searchPlaces: CONFIG_SEARCH_PLACES,
    packageProp: 'llm-gateway',
    searchStrategy: 'none',
    cache: false,
    loaders: { '.ts': loadTypeScript, '.mts': loadTypeScript },
  })
  const cwd = options.cwd ?? process.cwd()
  try {
    if (options.configPath) {
      const file = resolve(cwd, options.configPath)
      if (!existsSync(file)) throw new ConfigError(options.configPath, '', 'file not found')
      const result = await explorer.load(file)
      if (!result || result.isEmpty) throw new ConfigError(options.configPath, '', 'the file is empty')
      return { file: options.configPath, raw: result.config }
    }
    const result = await explorer.search(cwd)
    if (!result || result.isEmpty) return null
    return { file: basename(result.filepath), raw: result.config }
  } catch (error) {
    if (error instanceof ConfigError) throw error
    const file = options.configPath ?? 'config'
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new ConfigError(file, '', `could not be read: ${reason}`)
  }
}

/** The zero-config default: mock plus the well-known providers whose keys are set. */
export function defaultRawConfig(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const providers: Record<string, unknown> = { mock: { type: 'mock' } }
  for (const preset of presetsFromEnv(env)) providers[preset.name] = { preset: preset.name }
  return { providers }
}

export async function loadConfig(options: LoadOptions = {}): Promise<GatewayConfig> {
  const env = options.env ?? process.env
  const found = await readConfigFile(options)
  const missing: MissingVariable[] = []
  if (!found) {
    const config = validateConfig(interpolateEnv(defaultRawConfig(env), env, missing), {
      file: '(built-in default)',
      missing,
      env,
    })
    return { ...config, source: null }
  }
  const raw = interpolateEnv(found.raw, env, missing)
  return validateConfig(raw, { file: found.file, missing, env })
}
