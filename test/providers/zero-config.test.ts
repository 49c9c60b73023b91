/**
 * Zero-config: with no config file, every well-known provider whose key is in
 * the environment is served from its preset (URL, key variable, quirks). The
 * presets' real URLs are swapped for the fake's so requests can be made.
 */
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultRawConfig, loadConfig } from '../../src/config/load.js'
import { validateConfig } from '../../src/config/validate.js'
import { getPreset, PRESETS, presetsFromEnv } from '../../src/providers/presets.js'
import { gemini, openai, startFakeUpstream, type FakeUpstream } from '../support/fake-upstream.js'
import { startGateway, type TestGateway } from '../support/start-gateway.js'

const ENV = { HOME: tmpdir(), GEMINI_API_KEY: 'gemini-env-key', DEEPSEEK_API_KEY: 'deepseek-env-key' }

describe('presetsFromEnv', () => {
  const cases: Array<[string, Record<string, string>, string[]]> = [
    ['nothing set', {}, []],
    ['Gemini and DeepSeek keys', { GEMINI_API_KEY: 'g', DEEPSEEK_API_KEY: 'd' }, ['gemini', 'deepseek']],
    ["Google's older variable name", { GOOGLE_API_KEY: 'g' }, ['gemini']],
    ['empty and blank values do not count', { GEMINI_API_KEY: '', DEEPSEEK_API_KEY: '   ' }, []],
    ['unrelated variables do not count', { OLLAMA_HOST: '127.0.0.1', PATH: '/usr/bin' }, []],
    ['vLLM has a key variable; Ollama and LM Studio never appear', { VLLM_API_KEY: 'v' }, ['vllm']],
  ]
  it.each(cases)('%s', (_name, env, names) => {
    expect(presetsFromEnv(env).map((p) => p.name)).toEqual(names)
  })

  it('every OpenAI-compatible service the issue names has a preset', () => {
    for (const name of ['openai', 'groq', 'mistral', 'deepseek', 'xai', 'openrouter', 'together', 'fireworks', 'ollama', 'lmstudio', 'vllm']) {
      expect(getPreset(name), name).toMatchObject({ name, type: 'openai' })
    }
    expect(getPreset('google')).toBe(getPreset('gemini'))
    expect(new Set(PRESETS.map((p) => p.name)).size).toBe(PRESETS.length)
  })
})

describe('loadConfig with no config file', () => {
  it('serves mock plus the presets whose keys are set, with their URLs, keys and quirks', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'gw-zero-'))
    const config = await loadConfig({ cwd, env: ENV })
    expect(config.source).toBeNull()
    expect(Object.keys(config.providers).sort()).toEqual(['deepseek', 'gemini', 'mock'])
    expect(config.providers.gemini).toMatchObject({
      type: 'gemini',
      preset: 'gemini',
      baseURL: 'https://generativelanguage.googleapis.com/v1beta',
      apiKey: 'gemini-env-key',
    })
    expect(config.providers.deepseek).toMatchObject({
      type: 'openai',
      preset: 'deepseek',
      baseURL: 'https://api.deepseek.com/v1',
      apiKey: 'deepseek-env-key',
      quirks: { reasoningContentInput: true },
    })
    expect(config.providers.deepseek.missingKeyVar).toBeUndefined()
  })
})

describe('providers named like their preset (as the README shows them)', () => {
  it('take type, URL, key variable and quirks from it; given fields win', () => {
    const env = { GROQ_API_KEY: 'gsk', GEMINI_API_KEY: 'g' }
    const config = validateConfig(
      {
        providers: {
          groq: {},
          google: {},
          ollama: { models: ['llama3.2', 'qwen3:8b'] },
          lmstudio: { models: ['qwen2.5-7b-instruct'] },
          vllm: { baseURL: 'http://gpu-box.lan:8000/v1' },
          fast: { type: 'openai', preset: 'groq', baseURL: 'http://127.0.0.1:9/v1' },
        },
      },
      { file: 'test', missing: [], env },
    )
    expect(config.providers.groq).toMatchObject({ type: 'openai', baseURL: 'https://api.groq.com/openai/v1', apiKey: 'gsk', quirks: { noStreamOptions: true } })
    expect(config.providers.google).toMatchObject({ type: 'gemini', preset: 'gemini', apiKey: 'g' })
    expect(config.providers.ollama).toMatchObject({ type: 'openai', baseURL: 'http://127.0.0.1:11434/v1', models: ['llama3.2', 'qwen3:8b'], missingKeyVar: undefined })
    expect(config.providers.lmstudio).toMatchObject({ type: 'openai', baseURL: 'http://127.0.0.1:1234/v1', missingKeyVar: undefined })
    expect(config.providers.vllm).toMatchObject({ type: 'openai', baseURL: 'http://gpu-box.lan:8000/v1', missingKeyVar: undefined })
    expect(config.providers.fast).toMatchObject({ preset: 'groq', baseURL: 'http://127.0.0.1:9/v1', apiKey: 'gsk', quirks: { noStreamOptions: true } })
  })
})

describe('the default providers answer through the gateway', () => {
  let fake: FakeUpstream
  let gw: TestGateway
  let client: OpenAI
  beforeAll(async () => {
    fake = await startFakeUpstream()
    const raw = defaultRawConfig(ENV) as { providers: Record<string, Record<string, unknown>> }
    // The zero-config providers as built, pointed at the fake instead of the real services.
    raw.providers.gemini.baseURL = fake.baseURL('gemini')
    raw.providers.deepseek.baseURL = fake.baseURL('openai', '/deepseek')
    gw = await startGateway({ ...raw, routing: { retries: 0 } }, {}, ENV)
    client = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: 'unused', maxRetries: 0 })
  })
  afterAll(async () => {
    await gw.close()
    await fake.close()
  })

  it('gemini/… reaches Gemini with the key from GEMINI_API_KEY', async () => {
    fake.enqueue(gemini.text('Hi from Gemini.'))
    const completion = await client.chat.completions.create({ model: 'gemini/gemini-2.5-flash', messages: [{ role: 'user', content: 'hi' }] })
    expect(completion.choices[0].message.content).toBe('Hi from Gemini.')
    expect(fake.requests.at(-1)!.headers['x-goog-api-key']).toBe('gemini-env-key')
  })

  it('deepseek/… reaches DeepSeek with the key from DEEPSEEK_API_KEY', async () => {
    fake.enqueue(openai.reasoning('Hmm.', 'Hi from DeepSeek.'))
    const completion = await client.chat.completions.create({ model: 'deepseek/deepseek-chat', messages: [{ role: 'user', content: 'hi' }] })
    expect(completion.choices[0].message.content).toBe('Hi from DeepSeek.')
    expect(fake.requests.at(-1)!.headers.authorization).toBe('Bearer deepseek-env-key')
  })

  it('/health lists them (without keys)', async () => {
    const health = await (await fetch(`${gw.url}/health`)).text()
    expect(health).toContain('gemini')
    expect(health).toContain('deepseek')
    expect(health).not.toContain('env-key')
  })
})
