import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError } from './config-error.js'
import { loadConfig } from './load.js'

async function folderWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gw-config-'))
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text)
  return dir
}

const EMPTY_ENV = { HOME: tmpdir() }

describe('loadConfig', () => {
  it('falls back to the mock plus providers whose keys are in the environment', async () => {
    const cwd = await folderWith({})
    const config = await loadConfig({ cwd, env: { ...EMPTY_ENV, GROQ_API_KEY: 'gsk-test', OPENAI_API_KEY: 'sk-test' } })
    expect(config.source).toBeNull()
    expect(Object.keys(config.providers).sort()).toEqual(['groq', 'mock', 'openai'])
    expect(config.providers.groq.baseURL).toMatch(/^https:\/\/api\.groq\.com/)
    expect(config.providers.openai.apiKey).toBe('sk-test')
    expect(config.server).toMatchObject({ host: '127.0.0.1', port: 4000, apiKeys: [] })
  })

  it('finds gateway.config.json and interpolates ${ENV}', async () => {
    const cwd = await folderWith({
      'gateway.config.json': JSON.stringify({
        server: { port: 4100, apiKeys: ['${GW_KEY}'] },
        providers: { local: { type: 'openai', baseURL: 'http://127.0.0.1:9999/v1/', apiKey: '${LOCAL_KEY}' } },
        models: { fast: ['local/a', 'local/b'], smart: 'local/c' },
      }),
    })
    const config = await loadConfig({ cwd, env: { ...EMPTY_ENV, GW_KEY: 'gw-secret', LOCAL_KEY: 'lk' } })
    expect(config.source).toBe('gateway.config.json')
    expect(config.server.apiKeys).toEqual(['gw-secret'])
    expect(config.providers.local).toMatchObject({ type: 'openai', baseURL: 'http://127.0.0.1:9999/v1', apiKey: 'lk' })
    expect(config.models.fast.targets).toEqual(['local/a', 'local/b'])
    expect(config.models.smart.targets).toEqual(['local/c'])
  })

  it('reports an unset provider key variable instead of calling without a key', async () => {
    const cwd = await folderWith({
      '.gatewayrc': JSON.stringify({ providers: { openai: { type: 'openai', apiKey: '${NOPE_KEY}' } } }),
    })
    const config = await loadConfig({ cwd, env: EMPTY_ENV })
    expect(config.providers.openai.apiKey).toBeUndefined()
    expect(config.providers.openai.missingKeyVar).toBe('NOPE_KEY')
  })

  it('loads gateway.config.ts', async () => {
    const cwd = await folderWith({
      'gateway.config.ts': `const port: number = 4321\nexport default { server: { port }, providers: { m: { type: 'mock' } } }\n`,
    })
    const config = await loadConfig({ cwd, env: EMPTY_ENV })
    expect(config.server.port).toBe(4321)
    expect(config.providers.m.type).toBe('mock')
  })

  const invalid: Array<[string, unknown, RegExp]> = [
    ['a wrong type', { providers: { x: { type: 'openapi' } } }, /providers\.x\.type: expected one of openai, anthropic, gemini, mock, got "openapi"/],
    ['a bad URL', { providers: { x: { type: 'openai', baseURL: 'localhost:11434' } } }, /providers\.x\.baseURL: expected an http:\/\/ or https:\/\/ URL/],
    ['a bad port', { server: { port: 'eighty' } }, /server\.port: expected an integer from 0 to 65535, got "eighty"/],
    ['an unknown field', { providers: { x: { type: 'mock', apikey: 'k' } } }, /providers\.x\.apikey: unknown field/],
    ['empty targets', { models: { fast: { targets: [] } } }, /models\.fast\.targets: expected a non-empty array/],
    ['a slash in a provider name', { providers: { 'a/b': { type: 'mock' } } }, /providers\.a\/b: provider names/],
  ]
  it.each(invalid)('rejects %s with file, field and expectation', async (_, raw, message) => {
    const cwd = await folderWith({ 'gateway.config.json': JSON.stringify(raw) })
    const error = await loadConfig({ cwd, env: EMPTY_ENV }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as Error).message).toMatch(/^gateway\.config\.json: /)
    expect((error as Error).message).toMatch(message)
  })

  it('refuses to start without auth when a gateway key variable is unset', async () => {
    const cwd = await folderWith({ 'gateway.config.json': JSON.stringify({ server: { apiKeys: ['${UNSET_GW_KEY}'] } }) })
    await expect(loadConfig({ cwd, env: EMPTY_ENV })).rejects.toThrow(/server\.apiKeys\[0\]: environment variable UNSET_GW_KEY is unset/)
  })

  it('names the file for syntax errors and missing files', async () => {
    const cwd = await folderWith({ 'gateway.config.json': '{ "providers": ' })
    await expect(loadConfig({ cwd, env: EMPTY_ENV })).rejects.toThrow(/could not be read/)
    await expect(loadConfig({ cwd, configPath: 'nope.json', env: EMPTY_ENV })).rejects.toThrow(/^nope\.json: file not found/)
  })
})
