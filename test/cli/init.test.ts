/**
 * `llm-gateway init` as a user runs it: the built CLI in an empty folder
 * (finding local servers is tested in src/config/detect-local.test.ts).
 * The file it writes must be what `models` and `chat` then load, hold no key,
 * and never replace an existing config unless asked.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

let work: string
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'llm-gateway-init-'))
})
afterEach(() => rmSync(work, { recursive: true, force: true }))

const KEYS = { OPENAI_API_KEY: 'sk-proj-init-secret', ANTHROPIC_API_KEY: 'sk-ant-init-secret' }
// init without looking for local servers: one running on this machine (Ollama, say) would change what it writes.
const cli = (args: string[], env: Record<string, string> = {}) =>
  runCli(args[0] === 'init' ? [...args, '--no-detect'] : args, { cwd: work, env: { LLM_GATEWAY_LOG_DIR: join(work, 'logs'), ...env } })

describe('llm-gateway init', () => {
  it('writes gateway.config.json with the mock and the keyed providers, as ${VAR} references', async () => {
    const result = await cli(['init'], KEYS)
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('wrote gateway.config.json with providers: mock, openai, anthropic')
    expect(result.stdout).toContain('next: llm-gateway serve')
    const text = readFileSync(join(work, 'gateway.config.json'), 'utf8')
    expect(JSON.parse(text).providers).toEqual({
      mock: { type: 'mock' },
      openai: { type: 'openai', apiKey: '${OPENAI_API_KEY}' },
      anthropic: { type: 'anthropic', apiKey: '${ANTHROPIC_API_KEY}' },
    })
    expect(text).not.toContain('init-secret')
  })

  it('the file is what the other commands load next', async () => {
    await cli(['init'], KEYS)
    const models = await cli(['models', '--json', '--offline'], KEYS)
    expect(models.code).toBe(0)
    const providers = new Set((JSON.parse(models.stdout) as Array<{ providers: string[] }>).flatMap((m) => m.providers))
    expect([...providers].sort()).toEqual(['anthropic', 'mock', 'openai'])
    const chat = await cli(['chat', '-m', 'mock/echo', '-q', 'hello from init'], KEYS)
    expect(chat.code).toBe(0)
    expect(chat.stdout).toContain('hello from init')
  })

  it('never overwrites a config unless --force; exit 2 says how', async () => {
    writeFileSync(join(work, 'gateway.config.json'), '{"providers":{"mine":{"type":"mock"}}}')
    const refused = await cli(['init'], KEYS)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('gateway.config.json already exists: pass --force')
    expect(readFileSync(join(work, 'gateway.config.json'), 'utf8')).toContain('mine')
    const forced = await cli(['init', '--force', '--json'], KEYS)
    expect(forced.code).toBe(0)
    expect(JSON.parse(forced.stdout)).toEqual({ path: join(work, 'gateway.config.json'), providers: ['mock', 'openai', 'anthropic'] })
  })

  it('-o - prints the config instead of writing it; with no keys it is the mock alone, and says what to set', async () => {
    const printed = await cli(['init', '-o', '-'])
    expect(printed.code).toBe(0)
    expect(Object.keys(JSON.parse(printed.stdout).providers)).toEqual(['mock'])
    const written = await cli(['init', '-o', 'other.json'])
    expect(written.stdout).toContain('wrote other.json with providers: mock')
    expect(written.stdout).toContain('next: llm-gateway serve --config other.json')
    expect(written.stdout).toContain('no provider key in the environment (OPENAI_API_KEY')
    expect(written.stdout).toContain('no local server running')
  })
})
