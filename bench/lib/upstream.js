/**
 * The fake upstream for the benchmark: test/support/fake-upstream is TypeScript, so it is
 * compiled once to a temporary folder (it imports nothing but node:*), then run in its own
 * process so it never competes with the load generator's event loop.
 */
import { writeFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { firstMessage, forkChild } from './processes.js'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..', '..')

export async function compileFakeUpstream() {
  const out = await mkdtemp(join(tmpdir(), 'llm-gateway-bench-fake-'))
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
  execFileSync(process.execPath, [tsc, '--outDir', out, '--rootDir', join(root, 'test', 'support'),
    '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2023', '--skipLibCheck', '--types', 'node',
    join(root, 'test', 'support', 'fake-upstream.ts')], { cwd: root, stdio: 'inherit' })
  writeFileSync(join(out, 'package.json'), '{"type":"module"}\n')
  return out
}

/** Start fake upstreams named in `spec` ({ name: FastOptions }); resolves with { child, urls }. */
export async function startUpstreams(compiledDir, spec) {
  const child = forkChild(join(here, '..', 'upstream-child.js'), [compiledDir, JSON.stringify(spec)])
  const { urls } = await firstMessage(child)
  return { child, urls }
}
