import { describe, expect, it } from 'vitest'
import { findModel } from './find-model.js'
import { kindsServing, offerFor, presetsServing, servingsOf } from './servings.js'

function model(name: string) {
  const found = findModel(name)
  if (!found) throw new Error(`not catalogued: ${name}`)
  return found
}

describe('servingsOf', () => {
  it('puts the owner API first for a closed model, then OpenRouter under its own id', () => {
    const servings = servingsOf('claude-sonnet-4-5')
    expect(servings.map(({ offer }) => [offer.preset, offer.kind, offer.model])).toEqual([
      ['anthropic', 'anthropic', 'claude-sonnet-4-5'],
      ['openrouter', 'openai', 'anthropic/claude-sonnet-4.5'],
    ])
    expect(servings.every(({ model: entry }) => entry.id === 'claude-sonnet-4-5')).toBe(true)
  })

  it('prefers the host whose id was asked for', () => {
    expect(servingsOf('meta-llama/Llama-3.3-70B-Instruct-Turbo')[0].offer.preset).toBe('together')
    expect(servingsOf('llama-3.3-70b-versatile')[0].offer.preset).toBe('groq')
  })

  it('lists every host of a shared provider-side id first', () => {
    const presets = servingsOf('openai/gpt-oss-120b').map(({ offer }) => offer.preset)
    expect(presets.slice(0, 3)).toEqual(['groq', 'together', 'openrouter'])
    expect(presets).toContain('fireworks')
  })

  it('is empty for unknown names', () => {
    expect(servingsOf('no-such-model')).toEqual([])
  })
})

describe('presetsServing / kindsServing', () => {
  it('answers which presets and wire formats reach a bare name', () => {
    expect(presetsServing('gemini-2.5-flash')).toEqual(['gemini', 'openrouter'])
    expect(kindsServing('gemini-2.5-flash')).toEqual(['gemini', 'openai'])
    expect(presetsServing('deepseek-v4-pro')).toEqual(['deepseek', 'together', 'fireworks', 'openrouter'])
    expect(kindsServing('deepseek-v4-pro')).toEqual(['openai'])
    expect(presetsServing('unknown')).toEqual([])
  })
})

describe('offerFor', () => {
  it('picks the offer of the given preset, or none when that preset does not host the model', () => {
    expect(offerFor(model('gpt-oss-120b'), { preset: 'fireworks' })?.model).toBe('accounts/fireworks/models/gpt-oss-120b')
    expect(offerFor(model('gpt-4o'), { preset: 'groq' })).toBeUndefined()
  })

  it('without a preset, picks the offer named, preferring the owner API', () => {
    expect(offerFor(model('gpt-4o'), { name: 'gpt-4o' })?.preset).toBe('openai')
    expect(offerFor(model('gpt-4o'), { name: 'openai/gpt-4o' })?.preset).toBe('openrouter')
    expect(offerFor(model('gpt-oss-120b'), { name: 'openai/gpt-oss-120b' })?.preset).toBe('groq')
  })

  it('falls back to the owner API, then the first offer', () => {
    expect(offerFor(model('claude-haiku-4-5'), { name: 'claude-haiku-4-5-20251001' })?.preset).toBe('anthropic')
    expect(offerFor(model('llama-3.3-70b-instruct'))?.preset).toBe('groq')
  })
})
