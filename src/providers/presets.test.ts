import { describe, expect, it } from 'vitest'
import { PRESETS, getPreset, keyFromEnv, keyVarsOf, presetsFromEnv } from './presets.js'

const QUIRK_KEYS = ['noStreamOptions', 'noParallelToolCalls', 'maxCompletionTokens', 'reasoningContentInput', 'noReasoningEffort']

describe('PRESETS', () => {
  it('covers the well-known providers', () => {
    expect(PRESETS.map((preset) => preset.name)).toEqual([
      'openai',
      'anthropic',
      'gemini',
      'groq',
      'mistral',
      'deepseek',
      'xai',
      'openrouter',
      'together',
      'fireworks',
      'ollama',
      'lmstudio',
      'vllm',
    ])
  })

  it('gives every name and alias to one preset only', () => {
    const names = PRESETS.flatMap((preset) => [preset.name, ...(preset.aliases ?? [])])
    expect(new Set(names).size).toBe(names.length)
    for (const name of names) expect(name).toBe(name.toLowerCase())
  })

  it.each([...PRESETS])('$name: base URL follows its SDK convention', (preset) => {
    const url = new URL(preset.baseURL)
    expect(preset.baseURL.endsWith('/')).toBe(false)
    if (preset.type === 'openai') expect(url.pathname).toMatch(/\/v1$/)
    if (preset.type === 'anthropic') expect(url.pathname).toBe('/')
    if (preset.type === 'gemini') expect(url.pathname).toBe('/v1beta')
    expect(url.protocol).toBe(preset.local ? 'http:' : 'https:')
    if (preset.local) expect(url.hostname).toBe('127.0.0.1')
  })

  it.each([...PRESETS])('$name: needs a key unless it is local, and names where to find it', (preset) => {
    expect(preset.keyRequired).toBe(!preset.local)
    if (preset.keyRequired) expect(keyVarsOf(preset).length).toBeGreaterThan(0)
    for (const name of keyVarsOf(preset)) expect(name).toMatch(/^[A-Z][A-Z0-9_]*_API_KEY$/)
  })

  it.each([...PRESETS])('$name: sets only known quirks, and only on OpenAI-type presets', (preset) => {
    for (const key of Object.keys(preset.quirks)) expect(QUIRK_KEYS).toContain(key)
    if (preset.type !== 'openai') expect(preset.quirks).toEqual({})
  })

  it.each([
    ['openai', { maxCompletionTokens: true }],
    ['deepseek', { reasoningContentInput: true }],
    ['mistral', { noStreamOptions: true, noReasoningEffort: true }],
    ['groq', { noStreamOptions: true }],
  ])('%s carries the quirks its API needs', (name, quirks) => {
    expect(getPreset(name)?.quirks).toEqual(quirks)
  })

  it('uses the key variables the design names', () => {
    const vars = Object.fromEntries(PRESETS.map((preset) => [preset.name, keyVarsOf(preset)]))
    expect(vars).toMatchObject({
      openai: ['OPENAI_API_KEY'],
      anthropic: ['ANTHROPIC_API_KEY'],
      gemini: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
      groq: ['GROQ_API_KEY'],
      mistral: ['MISTRAL_API_KEY'],
      deepseek: ['DEEPSEEK_API_KEY'],
      xai: ['XAI_API_KEY'],
      openrouter: ['OPENROUTER_API_KEY'],
      ollama: [],
      lmstudio: [],
    })
  })
})

describe('getPreset', () => {
  it('finds presets by name or alias, ignoring case', () => {
    expect(getPreset('groq')?.baseURL).toBe('https://api.groq.com/openai/v1')
    expect(getPreset('Anthropic')?.name).toBe('anthropic')
    expect(getPreset('google')?.name).toBe('gemini')
    expect(getPreset('LM-Studio')?.name).toBe('lmstudio')
    expect(getPreset('x-ai')?.name).toBe('xai')
  })

  it('finds nothing for other names', () => {
    expect(getPreset('my-proxy')).toBeUndefined()
    expect(getPreset('')).toBeUndefined()
    expect(getPreset('mock')).toBeUndefined()
  })
})

describe('keyFromEnv', () => {
  const gemini = getPreset('gemini')!

  it('prefers GEMINI_API_KEY and falls back to GOOGLE_API_KEY', () => {
    expect(keyFromEnv(gemini, { GEMINI_API_KEY: 'g1', GOOGLE_API_KEY: 'g2' })).toBe('g1')
    expect(keyFromEnv(gemini, { GOOGLE_API_KEY: 'g2' })).toBe('g2')
  })

  it('treats empty and blank variables as unset', () => {
    expect(keyFromEnv(gemini, { GEMINI_API_KEY: '', GOOGLE_API_KEY: 'g2' })).toBe('g2')
    expect(keyFromEnv(gemini, { GEMINI_API_KEY: '  ' })).toBeUndefined()
  })

  it('is undefined for presets without a key variable', () => {
    expect(keyFromEnv(getPreset('ollama')!, { OLLAMA_API_KEY: 'x' })).toBeUndefined()
  })
})

describe('presetsFromEnv', () => {
  it('returns the presets whose key is set, in preset order', () => {
    const env = {
      PATH: '/usr/bin',
      OPENROUTER_API_KEY: 'sk-or-v1-abc',
      ANTHROPIC_API_KEY: 'sk-ant-api03-abc',
      GOOGLE_API_KEY: 'AIza-abc',
      GROQ_API_KEY: '',
    }
    expect(presetsFromEnv(env).map((preset) => preset.name)).toEqual(['anthropic', 'gemini', 'openrouter'])
  })

  it('returns nothing for an empty environment', () => {
    expect(presetsFromEnv({})).toEqual([])
  })

  it('never adds keyless local servers, but adds vLLM when its key is set', () => {
    expect(presetsFromEnv({ VLLM_API_KEY: 'token' }).map((preset) => preset.name)).toEqual(['vllm'])
  })

  it('accepts process.env as is', () => {
    expect(Array.isArray(presetsFromEnv(process.env))).toBe(true)
  })
})
