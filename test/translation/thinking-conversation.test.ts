/**
 * Multi-turn tool conversations with thinking across formats.
 *
 * OpenAI SDK -> Anthropic provider: with thinking on, Anthropic requires the
 * assistant turn of an ongoing tool loop to come back with its signed thinking
 * block, byte for byte (the fake upstream verifies every signature, as the real
 * API does). An OpenAI-format client carries it in `reasoning_details`:
 *  - JSON: push `choices[0].message` back as returned; its `reasoning_details`
 *    holds each thinking block's text and signature (and redacted blocks).
 *  - Stream: collect every `delta.reasoning_details` entry in order (each is
 *    sent once, whole, when its block ends) and put them on the assistant
 *    message. The SDK's finalChatCompletion() keeps only the LAST chunk's value
 *    of fields it does not know (reasoning_details, reasoning_content), which is
 *    enough for one thinking block per answer but loses earlier ones.
 *
 * Anthropic SDK -> OpenAI-type provider (DeepSeek-style reasoning_content): the
 * client sends its thinking blocks back as they came (signature ''), and a
 * DeepSeek provider gets them as `reasoning_content` on each assistant turn.
 */
import type Anthropic from '@anthropic-ai/sdk'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { anthropic, openai, type ReplySpec } from '../support/fake-upstream.js'
import { askAnthropic, askOpenAI, type Harness, MODEL, type Mode, received, startHarness, UPSTREAM_KEY } from './harness.js'
import { startGateway, type TestGateway } from '../support/start-gateway.js'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterEach(() => h.fake.reset())
afterAll(() => h.close())

const tools = [
  { name: 'get_weather', description: 'Current weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
  { name: 'get_forecast', description: 'Forecast', parameters: { type: 'object', properties: { city: { type: 'string' }, days: { type: 'integer' } }, required: ['city'] } },
]

const THOUGHTS = [
  'The user asks about an umbrella in Paris. I should check the current weather first.',
  'It is cloudy now. The forecast for the next day decides the umbrella question.',
  'Rain is forecast tomorrow, so the answer is yes.',
]
const FINAL = 'Yes: it is cloudy now and rain is forecast tomorrow, so bring an umbrella.'

/** The Anthropic upstream's three answers: think + call, think + call, think + answer. */
const ANTHROPIC_TURNS: ReplySpec[] = [
  anthropic.toolUse([{ name: 'get_weather', input: { city: 'Paris' } }], { thinking: THOUGHTS[0] }),
  anthropic.toolUse([{ name: 'get_forecast', input: { city: 'Paris', days: 1 } }], { thinking: THOUGHTS[1] }),
  anthropic.thinking(THOUGHTS[2], FINAL),
]
const TOOL_RESULTS = ['Cloudy, 14°C', 'Tomorrow: rain, 80%']

type Json = Record<string, unknown>

describe.each<Mode>(['json', 'stream'])('OpenAI SDK -> Anthropic provider, three turns with thinking and tools (%s)', (mode) => {
  it('sends every signature back unchanged, and the upstream accepts each turn', async () => {
    h.fake.enqueueAll(ANTHROPIC_TURNS)
    const messages: Json[] = [{ role: 'user', content: 'Should I take an umbrella in Paris tomorrow?' }]
    const params = () => ({ messages, tools: tools.map((fn) => ({ type: 'function', function: fn })), reasoning_effort: 'medium' })

    for (let turn = 0; turn < 3; turn++) {
      const { completion, outcome, trace } = await askOpenAI(h, MODEL.anthropic, params() as never, mode)
      const message = completion.choices[0].message as unknown as Json
      expect(outcome.thinking).toEqual([THOUGHTS[turn]])
      expect(outcome.signatures).toEqual([h.fake.signThinking(THOUGHTS[turn])])
      if (trace) {
        // One thinking block per answer: the SDK's snapshot happens to keep it whole.
        expect(message.reasoning_details).toEqual(trace.reasoningDetails)
        // The documented way for streams: the entries collected from the deltas.
        message.reasoning_details = trace.reasoningDetails
      }
      if (turn === 2) {
        expect(outcome.text).toBe(FINAL)
        expect(outcome.stop).toBe('end')
        break
      }
      expect(outcome.stop).toBe('tool')
      // The client appends the assistant message as it got it, then the tool result.
      messages.push(message, { role: 'tool', tool_call_id: outcome.toolCalls[0].id, content: TOOL_RESULTS[turn] })
    }

    // Every request was accepted (the fake answers 400 on a missing or altered signature).
    expect(h.fake.requests.map((request) => [request.status, request.rejection])).toEqual([
      [200, undefined],
      [200, undefined],
      [200, undefined],
    ])
    const last = received(h, 2) as { thinking: unknown; messages: Array<{ role: string; content: Json[] }> }
    expect(last.thinking).toEqual({ type: 'enabled', budget_tokens: 8192 })
    expect(last.messages.map((m) => [m.role, m.content.map((block) => block.type)])).toEqual([
      ['user', ['text']],
      ['assistant', ['thinking', 'tool_use']],
      ['user', ['tool_result']],
      ['assistant', ['thinking', 'tool_use']],
      ['user', ['tool_result']],
    ])
    for (const [turn, index] of [
      [0, 1],
      [1, 3],
    ]) {
      expect(last.messages[index].content[0]).toEqual({ type: 'thinking', thinking: THOUGHTS[turn], signature: h.fake.signThinking(THOUGHTS[turn]) })
    }
  })
})

describe('OpenAI SDK -> Anthropic provider: what the upstream does with altered or missing reasoning', () => {
  const history = (details: unknown): Json[] => [
    { role: 'user', content: 'Weather in Paris?' },
    {
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 'toolu_01', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }],
      ...(details === undefined ? {} : { reasoning_details: details }),
    },
    { role: 'tool', tool_call_id: 'toolu_01', content: 'Cloudy' },
  ]
  const ask = (details: unknown) =>
    askOpenAI(h, MODEL.anthropic, { messages: history(details), tools: [{ type: 'function', function: tools[0] }], reasoning_effort: 'low' } as never, 'json')

  it('an altered signature is rejected upstream, and the client gets the 400', async () => {
    h.fake.enqueue(anthropic.text('unused'))
    const details = [{ type: 'reasoning.text', text: THOUGHTS[0], signature: h.fake.signThinking('something else'), index: 0 }]
    await expect(ask(details)).rejects.toMatchObject({ status: 400, message: expect.stringContaining('Invalid `signature`') })
  })

  it('a client that dropped the reasoning still gets an answer: thinking is left off for that turn', async () => {
    h.fake.enqueue(anthropic.text('It is cloudy.'))
    const { outcome } = await ask(undefined)
    expect(outcome.text).toBe('It is cloudy.')
    expect(received(h)).not.toHaveProperty('thinking')
  })

  it('redacted thinking travels as reasoning.encrypted and goes back verbatim', async () => {
    h.fake.enqueue(anthropic.toolUse([{ name: 'get_weather', input: { city: 'Paris' } }], { thinking: THOUGHTS[0], redacted: true }))
    const first = await askOpenAI(h, MODEL.anthropic, { messages: history(undefined).slice(0, 1), tools: [{ type: 'function', function: tools[0] }], reasoning_effort: 'low' } as never, 'stream')
    const collected = first.trace!.reasoningDetails
    expect(collected.map((detail) => detail.type)).toEqual(['reasoning.text', 'reasoning.encrypted'])
    // The SDK's snapshot kept only the last entry: why stream clients collect the deltas.
    expect((first.completion.choices[0].message as unknown as Json).reasoning_details).toEqual([collected[1]])

    h.fake.enqueue(anthropic.text('Cloudy.'))
    const assistant = { ...(first.completion.choices[0].message as unknown as Json), reasoning_details: collected }
    const toolCall = first.outcome.toolCalls[0]
    await askOpenAI(
      h,
      MODEL.anthropic,
      {
        messages: [history(undefined)[0], assistant, { role: 'tool', tool_call_id: toolCall.id, content: 'Cloudy' }],
        tools: [{ type: 'function', function: tools[0] }],
        reasoning_effort: 'low',
      } as never,
      'json',
    )
    const sent = (received(h, 1) as { messages: Array<{ content: Json[] }> }).messages[1].content
    expect(sent.map((block) => block.type)).toEqual(['thinking', 'redacted_thinking', 'tool_use'])
    expect(sent[1].data).toBe(collected[1].data)
    expect(h.fake.requests[1].status).toBe(200)
  })
})

describe('Anthropic SDK -> OpenAI-type provider with DeepSeek-style reasoning_content', () => {
  let fake: Harness['fake']
  let gw: TestGateway
  beforeAll(async () => {
    fake = h.fake
    // Named after the preset, so the DeepSeek quirks apply (reasoning_content sent back on tool turns).
    gw = await startGateway({
      providers: { deepseek: { type: 'openai', baseURL: fake.baseURL('openai', '/deepseek'), apiKey: UPSTREAM_KEY } },
      routing: { retries: 0, breaker: { failures: 0 }, modelLists: { refreshMs: 0 } },
    })
  })
  afterAll(() => gw.close())

  const DEEPSEEK_TURNS: ReplySpec[] = [
    openai.answer({ blocks: [{ type: 'thinking', text: THOUGHTS[0] }, { type: 'tool_call', name: 'get_weather', input: { city: 'Paris' } }] }, { flavour: 'deepseek' }),
    openai.answer({ blocks: [{ type: 'thinking', text: THOUGHTS[1] }, { type: 'tool_call', name: 'get_forecast', input: { city: 'Paris', days: 1 } }] }, { flavour: 'deepseek' }),
    openai.reasoning(THOUGHTS[2], FINAL),
  ]

  it.each<Mode>(['json', 'stream'])('three turns: thinking blocks come back as reasoning_content on each assistant turn (%s)', async (mode) => {
    const { default: AnthropicSDK } = await import('@anthropic-ai/sdk')
    const client = { ...h, anthropic: new AnthropicSDK({ baseURL: gw.url, apiKey: 'client-key', maxRetries: 0 }) }
    fake.enqueueAll(DEEPSEEK_TURNS)
    const messages: Anthropic.MessageParam[] = [{ role: 'user', content: 'Should I take an umbrella in Paris tomorrow?' }]
    const anthropicTools = tools.map(({ parameters, ...rest }) => ({ ...rest, input_schema: parameters as { type: 'object' } }))

    for (let turn = 0; turn < 3; turn++) {
      const { message, outcome } = await askAnthropic(
        client,
        'deepseek/deepseek-reasoner',
        { max_tokens: 8000, thinking: { type: 'enabled', budget_tokens: 2048 }, tools: anthropicTools, messages },
        mode,
      )
      expect(outcome.thinking).toEqual([THOUGHTS[turn]])
      expect(message.content[0].type).toBe('thinking')
      if (turn === 2) {
        expect(outcome.text).toBe(FINAL)
        break
      }
      const call = outcome.toolCalls[0]
      messages.push({ role: 'assistant', content: message.content }, { role: 'user', content: [{ type: 'tool_result', tool_use_id: call.id, content: TOOL_RESULTS[turn] }] })
    }

    const last = fake.requests[2].json as { reasoning_effort: string; messages: Json[] }
    expect(last.reasoning_effort).toBe('low')
    expect(last.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'tool', 'assistant', 'tool'])
    expect(last.messages[1]).toMatchObject({ reasoning_content: THOUGHTS[0], tool_calls: [{ function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] })
    expect(last.messages[3]).toMatchObject({ reasoning_content: THOUGHTS[1], tool_calls: [{ function: { name: 'get_forecast' } }] })
    expect(last.messages[2]).toEqual({ role: 'tool', tool_call_id: (last.messages[1].tool_calls as Json[])[0].id, content: TOOL_RESULTS[0] })
  })
})
