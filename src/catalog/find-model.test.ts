import { describe, expect, it } from 'vitest'
import { findModel } from './find-model.js'
import { listCatalog } from './list-catalog.js'

describe('findModel', () => {
  it.each([
    // name asked for -> catalogue id
    ['claude-sonnet-4-5', 'claude-sonnet-4-5'],
    ['claude-sonnet-4-5-20250929', 'claude-sonnet-4-5'],
    ['claude-3-5-haiku-latest', 'claude-3-5-haiku-20241022'],
    ['gpt-4o-2024-08-06', 'gpt-4o'],
    ['gpt-5.5-2026-04-23', 'gpt-5.5'],
    ['gemini-2.0-flash-001', 'gemini-2.0-flash'],
    ['mistral-large-latest', 'mistral-large-2512'],
    ['grok-code-fast-1', 'grok-4.3'],
    ['deepseek-v4-flash', 'deepseek-flash'],
  ])('resolves the alias %s to %s', (name, id) => {
    expect(findModel(name)?.id).toBe(id)
  })

  it.each([
    ['llama-3.3-70b-versatile', 'llama-3.3-70b-instruct'],
    ['meta-llama/Llama-3.3-70B-Instruct-Turbo', 'llama-3.3-70b-instruct'],
    ['accounts/fireworks/models/kimi-k2p6', 'kimi-k2.6'],
    ['anthropic/claude-sonnet-4.5', 'claude-sonnet-4-5'],
    ['openai/gpt-oss-120b', 'gpt-oss-120b'],
    ['google/gemini-2.5-pro', 'gemini-2.5-pro'],
  ])('resolves the provider-side id %s to %s', (name, id) => {
    expect(findModel(name)?.id).toBe(id)
  })

  it('ignores case, surrounding space and the Gemini models/ prefix', () => {
    expect(findModel('Claude-Opus-4-1')?.id).toBe('claude-opus-4-1')
    expect(findModel(' gpt-4o-mini ')?.id).toBe('gpt-4o-mini')
    expect(findModel('models/gemini-2.5-flash')?.id).toBe('gemini-2.5-flash')
  })

  it('returns the catalogue entry itself', () => {
    const entry = findModel('o4-mini')
    expect(listCatalog()).toContain(entry)
  })

  it.each(['', 'gpt-9', 'claude', 'anthropic/', 'llama-3.3-70b-versatile-extra'])('finds nothing for %j', (name) => {
    expect(findModel(name)).toBeUndefined()
  })
})

describe('listCatalog', () => {
  it('lists every owner, each model once', () => {
    const models = listCatalog()
    const owners = new Set(models.map((model) => model.owner))
    expect(owners).toEqual(
      new Set(['openai', 'anthropic', 'google', 'xai', 'deepseek', 'mistral', 'meta', 'moonshot', 'alibaba', 'zhipu']),
    )
    expect(new Set(models).size).toBe(models.length)
  })
})
