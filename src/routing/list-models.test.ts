import { describe, expect, it } from 'vitest'
import { stubRouting } from '../../test/routing/stubs.js'
import { filterModels, listRoutableModels } from './list-models.js'

const KEYS = { apiKey: 'k' }

describe('listRoutableModels', () => {
  const routing = stubRouting(
    {
      providers: { anthropic: KEYS, local: { type: 'openai', baseURL: 'http://127.0.0.1:8000/v1', models: ['my-finetune'] }, mock: { type: 'mock' } },
      models: { smart: ['claude-sonnet-4-5', 'mock/echo'], broken: 'nowhere/x', 'claude-opus-4-1': 'mock/echo' },
    },
    { local: { listModels: ['qwen3:8b', 'my-finetune'] } },
  )

  it('lists aliases, auto, catalogue models and provider models, each once', async () => {
    const models = await listRoutableModels(routing)
    const ids = models.map((m) => m.id)
    expect(ids.slice(0, 3)).toEqual(['smart', 'claude-opus-4-1', 'auto'])
    expect(ids).toContain('claude-sonnet-4-5')
    expect(ids).toContain('local/my-finetune')
    expect(ids).toContain('local/qwen3:8b')
    expect(ids).toContain('mock/echo')
    expect(ids).not.toContain('broken') // routes nowhere
    expect(new Set(ids).size).toBe(ids.length)
    // the local server's list does not confirm OpenAI's models, so they are not claimed for it
    expect(ids).not.toContain('gpt-4o')
  })

  it('gives aliases their first target’s figures and their whole chain', async () => {
    const smart = (await listRoutableModels(routing)).find((m) => m.id === 'smart')
    expect(smart).toMatchObject({ kind: 'alias', source: 'config', provider: 'anthropic', providerModel: 'claude-sonnet-4-5', providers: ['anthropic', 'mock'], targets: ['claude-sonnet-4-5', 'mock/echo'] })
    expect(smart?.pricing).toMatchObject({ input: expect.any(Number), output: expect.any(Number), pricedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) })
  })

  it('shows retired models only when asked, with their replacement', async () => {
    expect((await listRoutableModels(routing)).some((m) => m.id === 'claude-3-5-sonnet-20241022')).toBe(false)
    const retired = (await listRoutableModels(routing, { includeRetired: true })).find((m) => m.id === 'claude-3-5-sonnet-20241022')
    expect(retired).toMatchObject({ status: 'retired', replacedBy: 'claude-sonnet-4-6' })
  })

  it('filters by capability and provider', async () => {
    const models = await listRoutableModels(routing)
    const vision = filterModels(models, { capabilities: ['vision', 'tools'] })
    expect(vision.length).toBeGreaterThan(0)
    expect(vision.every((m) => m.capabilities?.vision && m.capabilities.tools)).toBe(true)
    expect(filterModels(models, { provider: 'local' }).map((m) => m.id)).toEqual(['local/my-finetune', 'local/qwen3:8b'])
  })
})
