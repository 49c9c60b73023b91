/**
 * Every code sample of the "Anthropic SDK Integration" documentation page,
 * ported to TypeScript and run through the gateway with only the base URL
 * changed. Each result must deep-equal the same call made straight to the
 * (fake) Anthropic API, and the upstream must receive the SDK's body byte for
 * byte except the model. Both base URL forms are exercised.
 */
import Anthropic from '@anthropic-ai/sdk'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { anthropic } from '../support/fake-upstream.js'
import { type BaseURLForm, type Harness, startHarness, withModel } from './harness.js'

let h: Harness

beforeAll(async () => {
  h = await startHarness()
})
afterEach(() => h.reset())
afterAll(() => h.close())

/**
 * Runs `call` through the gateway, then the same call straight to the fake with
 * the model the gateway sent; checks the upstream got the SDK's bytes.
 */
async function throughBoth<T>(model: string, call: (client: Anthropic, model: string) => Promise<T>, form: BaseURLForm = 'v1') {
  const before = h.fake.requests.length
  const viaGateway = await call(h.client(form), model)
  const upstream = h.fake.requests[before]
  const sent = h.sent.at(-1)!
  expect(upstream.rawBody).toBe(withModel(sent.body, upstream.model!))
  const directly = await call(h.direct(), upstream.model!)
  return { viaGateway, directly, upstream, sent }
}

const FORMS: BaseURLForm[] = ['v1', 'root']

describe.each(FORMS)('documentation samples, base URL form %s', (form) => {
  it('Basic Usage: messages.create and content[0].text', async () => {
    const { viaGateway, directly, upstream } = await throughBoth(
      'claude-3-5-sonnet-20241022',
      (client, model) =>
        client.messages.create({
          model,
          max_tokens: 1024,
          messages: [{ role: 'user', content: 'Hello, Claude!' }],
        }),
      form,
    )
    expect(viaGateway).toEqual(directly)
    expect(viaGateway._request_id).toBe(directly._request_id)
    expect(upstream.model).toBe('claude-3-5-sonnet-20241022')
    expect(upstream.pathname).toBe('/v1/messages')
    expect(upstream.headers['x-api-key']).toBe('sk-ant-upstream-secret')
    const first = viaGateway.content[0]
    expect(first.type === 'text' && first.text).toBe('You said: Hello, Claude!')
  })

  it('Streaming: messages.stream, iterating the text as it comes', async () => {
    const run = async (client: Anthropic, model: string) => {
      const stream = client.messages.stream({
        model,
        max_tokens: 1024,
        messages: [{ role: 'user', content: 'Write a short story' }],
      })
      // The TypeScript form of Python's `for text in stream.text_stream`.
      const texts: string[] = []
      const events: Anthropic.MessageStreamEvent[] = []
      for await (const event of stream) {
        events.push(event)
        if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') texts.push(event.delta.text)
      }
      return { texts, events, final: await stream.finalMessage() }
    }
    const { viaGateway, directly, upstream } = await throughBoth('claude-3-5-sonnet-20241022', run, form)
    expect(viaGateway).toEqual(directly)
    expect(upstream.stream).toBe(true)
    expect(viaGateway.texts.length).toBeGreaterThan(1)
    expect(viaGateway.texts.join('')).toBe('You said: Write a short story')
    expect(viaGateway.final.stop_reason).toBe('end_turn')
  })

  it('Tool Use: a tool_use block with parsed input', async () => {
    const tools: Anthropic.Tool[] = [
      {
        name: 'get_weather',
        description: 'Get the current weather in a given location',
        input_schema: {
          type: 'object',
          properties: {
            location: { type: 'string', description: 'The city and state, e.g. San Francisco, CA' },
          },
          required: ['location'],
        },
      },
    ]
    const reply = anthropic.toolUse([{ name: 'get_weather', input: { location: 'San Francisco, CA' } }], { text: 'Let me check.' })
    h.fake.enqueueAll([reply, reply])
    const { viaGateway, directly, upstream } = await throughBoth(
      'claude-3-5-sonnet-20241022',
      (client, model) =>
        client.messages.create({
          model,
          max_tokens: 1024,
          tools,
          messages: [{ role: 'user', content: "What's the weather in San Francisco?" }],
        }),
      form,
    )
    expect(viaGateway).toEqual(directly)
    expect((upstream.json as { tools: unknown }).tools).toEqual(tools)
    expect(viaGateway.stop_reason).toBe('tool_use')
    expect(viaGateway.content[1]).toMatchObject({ type: 'tool_use', name: 'get_weather', input: { location: 'San Francisco, CA' }, id: expect.stringMatching(/^toolu_/) })
  })

  it('Extended Thinking: thinking blocks with signatures, then text', async () => {
    const { viaGateway, directly, upstream } = await throughBoth(
      'claude-3-7-sonnet-20250219',
      (client, model) =>
        client.messages.create({
          model,
          max_tokens: 4096,
          thinking: { type: 'enabled', budget_tokens: 4000 },
          messages: [{ role: 'user', content: 'Solve this complex problem...' }],
        }),
      form,
    )
    expect(viaGateway).toEqual(directly)
    expect(upstream.model).toBe('claude-3-7-sonnet-20250219')
    const [thinking, text] = viaGateway.content
    expect(thinking.type).toBe('thinking')
    if (thinking.type !== 'thinking') return
    expect(thinking.thinking).toContain('Solve this complex problem...')
    expect(thinking.signature).toBe(h.fake.signThinking(thinking.thinking))
    expect(text).toMatchObject({ type: 'text', text: 'You said: Solve this complex problem...' })
  })

  it('Prompt Caching: cache_control reaches the upstream, cache usage fields come back', async () => {
    const write = anthropic.text('Hi!', { usage: { input: 9, output: 3, cacheWrite: 2048, cacheRead: 0 } })
    const read = anthropic.text('Hi!', { usage: { input: 9, output: 3, cacheWrite: 0, cacheRead: 2048 } })
    h.fake.enqueueAll([write, write])
    const system: Anthropic.TextBlockParam[] = [{ type: 'text', text: 'You are a helpful assistant...', cache_control: { type: 'ephemeral' } }]
    const call = (client: Anthropic, model: string) =>
      client.messages.create({ model, max_tokens: 1024, system, messages: [{ role: 'user', content: 'Hello!' }] })
    const first = await throughBoth('claude-3-5-sonnet-20241022', call, form)
    expect(first.viaGateway).toEqual(first.directly)
    expect((first.upstream.json as { system: unknown }).system).toEqual(system)
    expect(first.viaGateway.usage.cache_creation_input_tokens).toBe(2048)
    expect(first.viaGateway.usage.cache_read_input_tokens).toBe(0)

    h.fake.enqueueAll([read, read])
    const second = await throughBoth('claude-3-5-sonnet-20241022', call, form)
    expect(second.viaGateway).toEqual(second.directly)
    expect(second.viaGateway.usage).toMatchObject({ cache_read_input_tokens: 2048, cache_creation_input_tokens: 0, cache_creation: { ephemeral_5m_input_tokens: 0 } })
  })

  it('Before and After: the Node.js sample with only the base URL changed', async () => {
    const { viaGateway, directly } = await throughBoth(
      'claude-3-5-sonnet-20241022',
      (client, model) => client.messages.create({ model, max_tokens: 1024, messages: [{ role: 'user', content: 'Hello!' }] }),
      form,
    )
    expect(viaGateway).toEqual(directly)
  })
})

describe('Model Selection: the documented model names', () => {
  it.each(['claude-3-7-sonnet-20250219', 'claude-3-5-sonnet-20241022', 'claude-3-opus-20240229', 'claude-3-5-haiku-20241022'])(
    '%s goes to the anthropic provider under its own name',
    async (name) => {
      const { viaGateway, directly, upstream } = await throughBoth(name, (client, model) =>
        client.messages.create({ model, max_tokens: 1024, messages: [{ role: 'user', content: 'Hello!' }] }),
      )
      expect(upstream.model).toBe(name)
      expect(viaGateway).toEqual(directly)
      expect(viaGateway.model).toBe(name)
    },
  )

  it('anthropic/<model> pins the provider; an alias is rewritten and nothing else changes', async () => {
    for (const [asked, sentUp] of [
      ['anthropic/claude-3-5-sonnet-20241022', 'claude-3-5-sonnet-20241022'],
      ['sonnet', 'claude-3-5-sonnet-20241022'],
      ['anthropic/claude-sonnet-4-5', 'claude-sonnet-4-5'],
      ['claude-sonnet-4-5', 'claude-sonnet-4-5'],
    ]) {
      const { viaGateway, directly, upstream, sent } = await throughBoth(asked, (client, model) =>
        client.messages.create({ model, max_tokens: 64, messages: [{ role: 'user', content: `Which model? ${asked}` }] }),
      )
      expect(JSON.parse(sent.body).model).toBe(asked)
      expect(upstream.model).toBe(sentUp)
      expect(viaGateway).toEqual(directly)
    }
  })
})
