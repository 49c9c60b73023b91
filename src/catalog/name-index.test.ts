import { describe, expect, it } from 'vitest'
import { caps } from './data/helpers.js'
import { buildNameIndex, findNameClashes, namesOf, normalizeName } from './name-index.js'
import type { CatalogModel } from './types.js'

function model(id: string, aliases: string[], offerModels: string[]): CatalogModel {
  return {
    id,
    aliases,
    family: 'test',
    owner: 'meta',
    status: 'current',
    contextWindow: 8_192,
    maxOutputTokens: 4_096,
    capabilities: caps('tools'),
    confidence: 'unverified',
    offers: offerModels.map((name) => ({ preset: 'groq', kind: 'openai', model: name, price: null })),
  }
}

describe('normalizeName', () => {
  it.each([
    ['GPT-4o', 'gpt-4o'],
    ['  claude-sonnet-4-5 ', 'claude-sonnet-4-5'],
    ['models/gemini-2.5-flash', 'gemini-2.5-flash'],
    ['Models/Gemini-2.5-Pro', 'gemini-2.5-pro'],
    ['meta-llama/Llama-3.3-70B-Instruct-Turbo', 'meta-llama/llama-3.3-70b-instruct-turbo'],
  ])('%s -> %s', (name, expected) => {
    expect(normalizeName(name)).toBe(expected)
  })
})

describe('name index', () => {
  const a = model('llama-a', ['a-short'], ['host/Llama-A', 'llama-a'])
  const b = model('llama-b', [], ['host/llama-a'])

  it('lists each name once, normalized', () => {
    expect(namesOf(a)).toEqual(['llama-a', 'a-short', 'host/llama-a'])
  })

  it('reports a provider-side id claimed by two models', () => {
    expect(findNameClashes([a, b])).toEqual([{ name: 'host/llama-a', models: ['llama-a', 'llama-b'] }])
  })

  it('lets the first model keep a clashing name', () => {
    expect(buildNameIndex([a, b]).get('host/llama-a')?.id).toBe('llama-a')
    expect(buildNameIndex([a, b]).get('llama-b')?.id).toBe('llama-b')
  })
})
