/**
 * `llm-gateway models` in-process, through the real commander program: the
 * JSON lists aliases and catalogue entries with prices; filters and the table.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { buildProgram } from './index.js'
import { formatPrice, formatTokens, parseCapabilities } from './models.js'

let dir: string
let configFile: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'llm-gateway-models-'))
  configFile = join(dir, 'gateway.config.json')
  writeFileSync(
    configFile,
    JSON.stringify({
      providers: {
        anthropic: { apiKey: 'sk-ant-test' },
        groq: { apiKey: 'gsk-test' },
        ollama: { baseURL: 'http://127.0.0.1:9/v1', models: ['qwen2.5-coder:7b'] },
      },
      models: {
        fast: { targets: ['groq/llama-3.3-70b-versatile', 'anthropic/claude-haiku-4-5'] },
        smart: 'claude-sonnet-4-5',
        'ollama/qwen2.5-coder:7b': { contextWindow: 32_768, pricing: { input: 0, output: 0 }, capabilities: { tools: true } },
      },
    }),
  )
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function run(...args: string[]): Promise<string> {
  let out = ''
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk)
    return true
  })
  try {
    await buildProgram().parseAsync(['node', 'llm-gateway', 'models', '--config', configFile, '--offline', ...args])
  } finally {
    write.mockRestore()
  }
  return out
}

type Listed = Array<Record<string, any>>

describe('models --json', () => {
  it('lists aliases and catalogue entries with prices, limits and capabilities', async () => {
    const models = JSON.parse(await run('--json')) as Listed
    const byId = new Map(models.map((m) => [m.id, m]))
    expect(byId.get('fast')).toMatchObject({
      kind: 'alias',
      targets: ['groq/llama-3.3-70b-versatile', 'anthropic/claude-haiku-4-5'],
      providers: ['groq', 'anthropic'],
      pricing: { input: expect.any(Number), output: expect.any(Number) },
    })
    expect(byId.get('smart')).toMatchObject({ kind: 'alias', provider: 'anthropic', providerModel: 'claude-sonnet-4-5' })
    const sonnet = byId.get('claude-sonnet-4-5')
    expect(sonnet).toMatchObject({
      kind: 'model',
      source: 'catalog',
      provider: 'anthropic',
      contextWindow: expect.any(Number),
      maxOutputTokens: expect.any(Number),
      capabilities: { tools: true, vision: true, reasoning: true, caching: true },
    })
    expect(sonnet?.pricing).toMatchObject({ input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75, pricedAt: expect.any(String), source: expect.stringMatching(/^https:\/\//) })
    expect(byId.get('ollama/qwen2.5-coder:7b')).toMatchObject({ source: 'declared', contextWindow: 32_768, pricing: { input: 0, output: 0 } })
  })

  it('filters by capability and by provider', async () => {
    const vision = JSON.parse(await run('--json', '--capability', 'vision')) as Listed
    expect(vision.length).toBeGreaterThan(0)
    expect(vision.every((m) => m.capabilities.vision)).toBe(true)
    expect(vision.some((m) => m.id === 'ollama/qwen2.5-coder:7b')).toBe(false)

    const groq = JSON.parse(await run('--json', '--provider', 'groq')) as Listed
    expect(groq.length).toBeGreaterThan(0)
    expect(groq.every((m) => m.providers.includes('groq'))).toBe(true)

    const both = JSON.parse(await run('--json', '--capability', 'tools,reasoning', '--provider', 'groq')) as Listed
    expect(both.every((m) => m.capabilities.tools && m.capabilities.reasoning)).toBe(true)
  })

  it('includes retired models with --all', async () => {
    const plain = JSON.parse(await run('--json')) as Listed
    const all = JSON.parse(await run('--json', '--all')) as Listed
    expect(plain.some((m) => m.status === 'retired')).toBe(false)
    expect(all.find((m) => m.id === 'claude-3-5-sonnet-20241022')).toMatchObject({ status: 'retired', replacedBy: expect.any(String) })
  })
})

describe('models table', () => {
  it('prints one aligned row per name with context, prices and capabilities', async () => {
    const lines = (await run()).trimEnd().split('\n')
    expect(lines[0]).toMatch(/^model\s+provider\s+context\s+max out\s+in \$\/M\s+out \$\/M\s+capabilities\s+notes$/)
    const fast = lines.find((l) => l.startsWith('fast '))
    expect(fast).toMatch(/groq,anthropic .* -> groq\/llama-3\.3-70b-versatile, anthropic\/claude-haiku-4-5/)
    expect(lines.find((l) => l.startsWith('claude-sonnet-4-5 '))).toMatch(/200K\s+64K\s+\$3\s+\$15\s+tools vision reasoning caching json/)
  })
})

describe('formatting helpers', () => {
  it.each([
    [null, '-'],
    [512, '512'],
    [8_192, '8.2K'],
    [200_000, '200K'],
    [1_048_576, '1.05M'],
    [2_000_000, '2M'],
  ])('formatTokens(%s) = %s', (n, text) => {
    expect(formatTokens(n)).toBe(text)
  })

  it('formats prices per million tokens', () => {
    expect([formatPrice(3), formatPrice(0.075), formatPrice(0), formatPrice(undefined)]).toEqual(['$3', '$0.075', '$0', '-'])
  })

  it('rejects unknown capabilities as a usage error', () => {
    expect(parseCapabilities(['tools,Vision', 'json'])).toEqual(['tools', 'vision', 'json'])
    expect(() => parseCapabilities('telepathy')).toThrow(/--capability expects one of tools, vision, reasoning, caching, json/)
  })
})
