/**
 * Runs the built CLI (`node bin/llm-gateway.js ...`) as a child process, the
 * way a user's shell would: piped stdin (always closed), piped stdout/stderr,
 * a clean environment. Records when stdout data arrives, to check streaming.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const BIN = join(ROOT, 'bin', 'llm-gateway.js')

export interface CliResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  /** Date.now() of each stdout chunk. */
  stdoutTimes: number[]
}

export interface CliRun {
  child: ChildProcess
  /** Resolves at the first stdout chunk. */
  firstStdout: Promise<number>
  done: Promise<CliResult>
}

export interface CliOptions {
  cwd: string
  stdin?: string
  env?: Record<string, string | undefined>
}

/** The parent's environment minus anything that would change the CLI's behaviour. */
function cleanEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(LLM_GATEWAY_|VITEST|NODE_OPTIONS$|NO_COLOR$|FORCE_COLOR$)|_API_KEY$/.test(key)) continue
    env[key] = value
  }
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) env[key] = value
  return env
}

export function startCli(args: string[], options: CliOptions): CliRun {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: test/global-setup.ts builds it (run through vitest)')
  const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env: cleanEnv(options.env ?? {}), stdio: 'pipe' })
  const result: CliResult = { code: null, signal: null, stdout: '', stderr: '', stdoutTimes: [] }
  let markFirst: (time: number) => void = () => {}
  const firstStdout = new Promise<number>((resolve) => (markFirst = resolve))
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const now = Date.now()
    result.stdoutTimes.push(now)
    result.stdout += chunk
    markFirst(now)
  })
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (result.stderr += chunk))
  child.stdin!.end(options.stdin ?? '')
  const done = new Promise<CliResult>((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code, signal) => resolve({ ...result, code, signal }))
  })
  return { child, firstStdout, done }
}

export function runCli(args: string[], options: CliOptions): Promise<CliResult> {
  return startCli(args, options).done
}
