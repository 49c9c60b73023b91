/**
 * Builds the CLI (`npm run build`: tsc) once before the suite, so the tests in
 * test/cli can run `node bin/llm-gateway.js` as a child process, as a user
 * would. Works on a fresh clone (no dist/). Kept cheap and safe:
 *  - skipped when dist/ is newer than every source file (a stamp file), or
 *    when the run is filtered to files none of which is a CLI test;
 *  - incremental, into a staging folder under node_modules/.cache, then
 *    copied into dist/ file by file with atomic renames, so a CLI started by
 *    a concurrent test run never loads a half-written module;
 *  - one build at a time across concurrent runs (a lock folder).
 * Type errors do not stop the suite (tsc still emits; `npm run typecheck` is
 * the place for them) unless the CLI entry point was not produced.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const cache = join(root, 'node_modules', '.cache', 'llm-gateway')
const staging = join(cache, 'dist')
const buildInfo = join(cache, 'build.tsbuildinfo')
const lock = join(cache, 'build.lock')
const stamp = join(cache, 'build-stamp')
const dist = join(root, 'dist')
const ENTRY = join('cli', 'main.js')
const cliTests = join(root, 'test', 'cli')
const LOCK_STALE_MS = 120_000

function newestSourceTime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceTime(path))
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs)
  }
  return newest
}

function upToDate(): boolean {
  if (!existsSync(join(dist, ENTRY)) || !existsSync(stamp)) return false
  const inputs = ['tsconfig.json', 'tsconfig.build.json', 'package.json'].map((f) => statSync(join(root, f)).mtimeMs)
  return Math.max(newestSourceTime(join(root, 'src')), ...inputs) <= statSync(stamp).mtimeMs
}

/** True when the run names test files and none of them is a CLI test (vitest matches filters as path substrings). */
function noCliTestSelected(filters: unknown): boolean {
  if (!Array.isArray(filters) || filters.length === 0 || !existsSync(cliTests)) return false
  const files = readdirSync(cliTests).map((name) => join(cliTests, name))
  const matches = (filter: string) => files.some((file) => file.includes(filter) || file.includes(resolve(root, filter)))
  return !filters.some((filter) => typeof filter !== 'string' || matches(filter))
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

function withLock(work: () => void): void {
  for (const deadline = Date.now() + LOCK_STALE_MS; ; ) {
    try {
      mkdirSync(lock)
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      let age = 0
      try {
        age = Date.now() - statSync(lock).mtimeMs
      } catch {
        continue // released meanwhile
      }
      if (age > LOCK_STALE_MS || Date.now() > deadline) rmSync(lock, { recursive: true, force: true })
      else sleep(200)
    }
  }
  try {
    work()
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

/** Copy changed files into place by write-then-rename: readers see the old file or the new one, never half of one. */
function syncInto(from: string, to: string): void {
  mkdirSync(to, { recursive: true })
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name)
    const target = join(to, entry.name)
    if (entry.isDirectory()) {
      syncInto(source, target)
      continue
    }
    const data = readFileSync(source)
    if (existsSync(target) && readFileSync(target).equals(data)) continue
    const temporary = `${target}.${process.pid}.tmp`
    writeFileSync(temporary, data)
    renameSync(temporary, target)
  }
}

function build(): void {
  if (upToDate()) return // another run built it while this one waited for the lock
  // Incremental tsc trusts its build info, not the output folder: without outputs, start over.
  if (!existsSync(join(staging, ENTRY))) rmSync(buildInfo, { force: true })
  const startedAt = Date.now()
  const result = spawnSync('npm', ['run', 'build', '--silent', '--', '--incremental', '--tsBuildInfoFile', buildInfo, '--outDir', staging], {
    cwd: root,
    encoding: 'utf8',
  })
  if (!existsSync(join(staging, ENTRY))) {
    throw new Error(`npm run build did not produce ${ENTRY}:\n${result.stdout}${result.stderr}${result.error ?? ''}`)
  }
  syncInto(staging, dist)
  if (result.status !== 0) {
    const errors = `${result.stdout}${result.stderr}`.trim().split('\n').slice(0, 5).join('\n')
    console.warn(`global-setup: npm run build reported errors (dist/ was still written; CLI tests use it):\n${errors}`)
    return // no stamp: the next run builds again
  }
  writeFileSync(stamp, '')
  // The stamp predates any source edited during the build, so such an edit triggers the next build.
  utimesSync(stamp, startedAt / 1000, startedAt / 1000)
}

export default function setup(project?: { vitest?: unknown }): void {
  // `filenamePattern` is vitest's (internal) list of file filters; if it ever goes away we simply build.
  const filters = (project?.vitest as { filenamePattern?: unknown } | undefined)?.filenamePattern
  if (noCliTestSelected(filters) || upToDate()) return
  mkdirSync(cache, { recursive: true })
  withLock(build)
}
