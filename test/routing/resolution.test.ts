/**
 * Model names end to end: bare catalogue names (current and retired), names
 * only a provider's own model list knows, `auto`, unknown names, and
 * GET /v1/models in both SDKs' shapes — through a real gateway to a fake
 * Anthropic API and a fake local OpenAI-compatible server.
 */
import Anthropic from '@anthropic-ai/sdk'
import OpenAI from 'openai'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type FakeUpstream, startFakeUpstream } from '../support/fake-upstream.js'
import { startGateway, type TestGateway } from '../support/start-gateway.js'

let fake: FakeUpstream
let gw: TestGateway
let client: OpenAI

beforeAll(async () => {
  fake = await startFakeUpstream({ models: { openai: ['qwen-local-7b', 'phi-local'] } })
  gw = await startGateway({
    providers: {
      anthropic: { baseURL: fake.baseURL('anthropic'), apiKey: 'sk-ant' },
      local: { type: 'openai', baseURL: fake.baseURL('openai', '/local') },
    },
    models: {
      smart: ['claude-sonnet-4-5', 'local/phi-local'],
      'local/phi-local': { contextWindow: 16_384, pricing: { input: 0, output: 0 }, capabilities: { tools: true } },
    },
  })
  client = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: 'unused', maxRetries: 0 })
})
afterEach(() => fake.reset())
afterAll(async () => {
  await gw.close()
  await fake.close()
})

const chatCalls = () => fake.requests.filter((r) => r.route === 'anthropic.messages' || r.route === 'openai.chat')
const ask = (model: string, extra: Partial<OpenAI.Chat.ChatCompletionCreateParamsNonStreaming> = {}) =>
  client.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }], ...extra }).withResponse()

describe('bare names through the catalogue', () => {
  it('sends `claude-sonnet-4-5` from an OpenAI client to the configured Anthropic provider', async () => {
    const { data, response } = await ask('claude-sonnet-4-5')
    expect(data.object).toBe('chat.completion')
    const [call] = chatCalls()
    expect(call.route).toBe('anthropic.messages')
    expect(call.json).toMatchObject({ model: 'claude-sonnet-4-5' })
    expect(response.headers.get('x-llm-gateway-provider')).toBe('anthropic')
    expect(response.headers.get('x-llm-gateway-model')).toBe('claude-sonnet-4-5')
    expect(response.headers.get('x-llm-gateway-replaced-by')).toBeNull()
  })

  it('routes a retired model to the id the catalogue knows and names its replacement', async () => {
    const { response } = await ask('claude-3-5-sonnet-latest')
    expect(chatCalls()[0].json).toMatchObject({ model: 'claude-3-5-sonnet-20241022' })
    expect(response.headers.get('x-llm-gateway-replaced-by')).toBe('claude-sonnet-4-6')
  })
})

describe('names only a provider lists', () => {
  it('finds them in the provider’s GET /models list and sends them there', async () => {
    const { response } = await ask('qwen-local-7b')
    const [call] = chatCalls()
    expect(call.prefix).toBe('/local')
    expect(call.json).toMatchObject({ model: 'qwen-local-7b' })
    expect(response.headers.get('x-llm-gateway-provider')).toBe('local')
  })
})

describe('auto', () => {
  it('picks a configured catalogue model that takes tools when the request has tools', async () => {
    const tools: OpenAI.Chat.ChatCompletionTool[] = [{ type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: {} } } }]
    const { response } = await ask('auto', { tools })
    const [call] = chatCalls()
    expect(call.route).toBe('anthropic.messages')
    expect(String((call.json as { model: string }).model)).toMatch(/^claude-/)
    expect(response.headers.get('x-llm-gateway-provider')).toBe('anthropic')
  })
})

describe('unknown names', () => {
  it('are a 404 in the client’s format that says how to list models', async () => {
    const failure = (await ask('no-such-model-anywhere').catch((e: unknown) => e)) as InstanceType<typeof OpenAI.APIError>
    expect(failure.status).toBe(404)
    expect(failure.error).toMatchObject({ code: 'model_not_found', param: 'model' })
    expect(failure.message).toMatch(/llm-gateway models/)
  })
})

describe('GET /v1/models', () => {
  it('lists aliases, auto, catalogue models and provider-listed ones with prices, limits and capabilities (OpenAI shape)', async () => {
    const models: Array<Record<string, any>> = []
    for await (const model of client.models.list()) models.push(model as unknown as Record<string, any>)
    const byId = new Map(models.map((m) => [m.id, m]))
    expect(byId.get('smart')).toMatchObject({ object: 'model', kind: 'alias', targets: ['claude-sonnet-4-5', 'local/phi-local'], providers: ['anthropic', 'local'] })
    expect(byId.get('auto')).toMatchObject({ kind: 'auto' })
    expect(byId.get('claude-sonnet-4-5')).toMatchObject({
      object: 'model',
      owned_by: 'anthropic',
      kind: 'model',
      context_window: expect.any(Number),
      max_output_tokens: expect.any(Number),
      pricing: { unit: 'usd_per_million_tokens', input: expect.any(Number), output: expect.any(Number), source: expect.stringMatching(/^https:/) },
      capabilities: { tools: true, vision: true },
    })
    expect(byId.get('local/qwen-local-7b')).toMatchObject({ owned_by: 'local', pricing: null, capabilities: null })
    // the config's figures for a model the catalogue does not know
    expect(byId.get('local/phi-local')).toMatchObject({ context_window: 16_384, pricing: { input: 0, output: 0 }, capabilities: { tools: true, vision: false } })
    // retired models still route but are not advertised
    expect(byId.has('claude-3-5-sonnet-20241022')).toBe(false)
  })

  it('answers in Anthropic’s list shape when the request carries anthropic-version', async () => {
    const anthropicClient = new Anthropic({ baseURL: gw.url, apiKey: 'unused', maxRetries: 0 })
    const page = await anthropicClient.models.list()
    const sonnet = page.data.find((m) => m.id === 'claude-sonnet-4-5')
    expect(sonnet).toMatchObject({ type: 'model', display_name: 'claude-sonnet-4-5', created_at: expect.any(String) })
    expect(page.data.length).toBeGreaterThan(3)
  })

  it('filters by capability and provider', async () => {
    const response = await fetch(`${gw.url}/v1/models?capability=vision,tools&provider=anthropic`)
    const { data } = (await response.json()) as { data: Array<Record<string, any>> }
    expect(data.length).toBeGreaterThan(0)
    for (const model of data) {
      expect(model.providers).toContain('anthropic')
      expect(model.capabilities).toMatchObject({ vision: true, tools: true })
    }
    expect(data.some((m) => m.id === 'local/qwen-local-7b')).toBe(false)
  })

  it('rejects an unknown capability with a 400', async () => {
    const response = await fetch(`${gw.url}/v1/models?capability=telepathy`)
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ error: { param: 'capability' } })
  })
})
