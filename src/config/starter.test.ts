import { describe, expect, it } from 'vitest'
import { interpolateEnv, type MissingVariable } from './interpolate-env.js'
import { starterConfig } from './starter.js'
import { validateConfig } from './validate.js'

function load(config: Record<string, unknown>, env: Record<string, string>) {
  const missing: MissingVariable[] = []
  return validateConfig(interpolateEnv(config, env, missing), { file: 'gateway.config.json', missing, env })
}

describe('starterConfig', () => {
  it('with no keys in the environment: the mock only, and the sections to edit', () => {
    const { config, providers } = starterConfig({})
    expect(providers).toEqual(['mock'])
    expect(config).toEqual({
      server: { host: '127.0.0.1', port: 4000, apiKeys: [] },
      providers: { mock: { type: 'mock' } },
      models: {},
      log: { dir: '~/.llm-gateway/logs', bodies: true },
    })
    expect(load(config, {}).providers.mock.type).toBe('mock')
  })

  it('adds each well-known provider whose key is set, as a ${VAR} reference, never the key', () => {
    const env = { OPENAI_API_KEY: 'sk-proj-secret-1', ANTHROPIC_API_KEY: 'sk-ant-secret-2', GOOGLE_API_KEY: 'AIza-secret-3', GROQ_API_KEY: 'gsk_secret_4', MISTRAL_API_KEY: '  ' }
    const { config, providers } = starterConfig(env)
    expect(providers).toEqual(['mock', 'openai', 'anthropic', 'gemini', 'groq'])
    expect(config.providers).toMatchObject({
      openai: { type: 'openai', apiKey: '${OPENAI_API_KEY}' },
      anthropic: { type: 'anthropic', apiKey: '${ANTHROPIC_API_KEY}' },
      // The variable that is set, of the two Gemini reads.
      gemini: { type: 'gemini', apiKey: '${GOOGLE_API_KEY}' },
      groq: { type: 'openai', apiKey: '${GROQ_API_KEY}' },
    })
    expect(JSON.stringify(config)).not.toMatch(/secret/)
  })

  it('adds the local servers found running, by preset name, after the keyed providers', () => {
    const { config, providers } = starterConfig({ VLLM_API_KEY: 'token' }, { localServers: ['ollama', 'vllm'] })
    expect(providers).toEqual(['mock', 'vllm', 'ollama'])
    expect(config.providers).toMatchObject({ ollama: { type: 'openai' }, vllm: { type: 'openai', apiKey: '${VLLM_API_KEY}' } })
    const loaded = load(config, { VLLM_API_KEY: 'token' })
    expect(loaded.providers.ollama).toMatchObject({ baseURL: 'http://127.0.0.1:11434/v1', preset: 'ollama' })
  })

  it('writes a config that loads: presets give the base URLs, the environment the keys', () => {
    const env = { GROQ_API_KEY: 'gsk_secret', ANTHROPIC_API_KEY: 'sk-ant-secret' }
    const loaded = load(starterConfig(env).config, env)
    expect(loaded.providers.groq).toMatchObject({ type: 'openai', baseURL: 'https://api.groq.com/openai/v1', preset: 'groq' })
    expect(loaded.providers.anthropic).toMatchObject({ type: 'anthropic', baseURL: 'https://api.anthropic.com' })
  })
})
