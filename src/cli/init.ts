/**
 * `llm-gateway init`: write a starter gateway.config.json — the mock, the
 * well-known providers whose keys are in the environment (as `${VAR}`
 * references), and Ollama, LM Studio or vLLM when one is running here — that
 * `serve`, `chat` and `models` then pick up. Never overwrites a file unless
 * told to; `-o -` prints it instead.
 */
import { writeFile } from 'node:fs/promises'
import { relative, resolve } from 'node:path'
import { interpolateEnv, type MissingVariable } from '../config/interpolate-env.js'
import { detectLocalServers } from '../config/detect-local.js'
import { starterConfig } from '../config/starter.js'
import { validateConfig } from '../config/validate.js'
import { PRESETS, keyVarsOf } from '../providers/presets.js'
import { UsageError } from './fail.js'

export interface InitOptions {
  /** Where to write; `-` for stdout. */
  output?: string
  force?: boolean
  json?: boolean
  /** Look for local servers (commander's --no-detect sets false). */
  detect?: boolean
}

const DEFAULT_FILE = 'gateway.config.json'

export async function initCommand(options: InitOptions, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Promise<void> {
  const localServers = options.detect === false ? [] : await detectLocalServers()
  const { config, providers } = starterConfig(env, { localServers })
  // What init writes must load: checked here rather than at the user's first `serve`.
  const missing: MissingVariable[] = []
  validateConfig(interpolateEnv(config, env, missing), { file: DEFAULT_FILE, missing, env })
  const text = `${JSON.stringify(config, null, 2)}\n`

  if (options.output === '-') {
    process.stdout.write(text)
    return
  }
  const path = resolve(cwd, options.output ?? DEFAULT_FILE)
  try {
    await writeFile(path, text, { flag: options.force ? 'w' : 'wx' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UsageError(`${relative(cwd, path) || path} already exists: pass --force to overwrite it, or -o FILE to write elsewhere`)
    }
    throw error
  }

  if (options.json) {
    process.stdout.write(`${JSON.stringify({ path, providers })}\n`)
    return
  }
  const shown = relative(cwd, path) || path
  const lines = [`wrote ${shown} with providers: ${providers.join(', ')}`]
  if (providers.length === 1) {
    const vars = PRESETS.flatMap((preset) => keyVarsOf(preset).slice(0, 1))
    lines.push(`no provider key in the environment (${vars.slice(0, 4).join(', ')}, ...) and no local server running (Ollama, LM Studio, vLLM): start or set one and run init --force, or add providers by hand`)
  }
  // Only the default name in this folder is found without --config.
  const configFlag = path === resolve(cwd, DEFAULT_FILE) ? '' : ` --config ${shown}`
  lines.push(`next: llm-gateway serve${configFlag}   (or: llm-gateway chat${configFlag} -m mock/echo "hello")`)
  process.stdout.write(`${lines.join('\n')}\n`)
}
