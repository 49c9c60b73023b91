/**
 * What the upstream RECEIVED when a client of the other format asked: request
 * fields mapped field by field, checked on the body the fake upstream recorded.
 * OpenAI SDK -> Anthropic provider first, then Anthropic SDK -> OpenAI provider.
 * (The matrix covers images; usage and caching live in usage.test.ts.)
 */
import OpenAI from 'openai'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { anthropic, openai } from '../support/fake-upstream.js'
import { type AnthropicParams, askAnthropic, askOpenAI, type Harness, MODEL, type OpenAIParams, received, startHarness } from './harness.js'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterEach(() => h.fake.reset())
afterAll(() => h.close())

const user = (content: string) => ({ role: 'user', content })
const weatherFn = { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } }
const weatherTool = { type: 'function' as const, function: weatherFn }

/** Send an OpenAI-format request to the Anthropic provider; the Anthropic body it produced. */
async function toAnthropic(params: Partial<OpenAIParams> & Record<string, unknown>): Promise<Record<string, unknown>> {
  h.fake.enqueue(anthropic.text('ok'))
  await askOpenAI(h, MODEL.anthropic, { messages: [user('hello')], ...params } as OpenAIParams, 'json')
  return received(h)
}

/** Send an Anthropic-format request to the OpenAI provider; the OpenAI body it produced. */
async function toOpenAI(params: Partial<AnthropicParams> & Record<string, unknown>): Promise<Record<string, unknown>> {
  h.fake.enqueue(openai.text('ok'))
  await askAnthropic(h, MODEL.openai, { max_tokens: 512, messages: [{ role: 'user', content: 'hello' }], ...params } as AnthropicParams, 'json')
  return received(h)
}

describe('OpenAI client -> Anthropic provider: the request Anthropic receives', () => {
  it('system and developer messages become `system` blocks, in order', async () => {
    const body = await toAnthropic({ messages: [{ role: 'system', content: 'Be brief.' }, { role: 'developer', content: 'Answer in French.' }, user('hello')] })
    expect(body.system).toEqual([
      { type: 'text', text: 'Be brief.' },
      { type: 'text', text: 'Answer in French.' },
    ])
    expect(body.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'hello' }] }])
  })

  it('tools become input_schema tools; a function without parameters gets an empty object schema', async () => {
    const body = await toAnthropic({ tools: [weatherTool, { type: 'function', function: { name: 'ping' } }] })
    expect(body.tools).toEqual([
      { name: 'get_weather', description: 'Weather', input_schema: weatherFn.parameters },
      { name: 'ping', input_schema: { type: 'object', properties: {} } },
    ])
  })

  it.each([
    { tool_choice: 'auto', expected: { type: 'auto' } },
    { tool_choice: 'none', expected: { type: 'none' } },
    { tool_choice: 'required', expected: { type: 'any' } },
    { tool_choice: { type: 'function', function: { name: 'get_weather' } }, expected: { type: 'tool', name: 'get_weather' } },
    { tool_choice: 'auto', parallel_tool_calls: false, expected: { type: 'auto', disable_parallel_tool_use: true } },
    { tool_choice: 'required', parallel_tool_calls: false, expected: { type: 'any', disable_parallel_tool_use: true } },
    { tool_choice: undefined, parallel_tool_calls: false, expected: { type: 'auto', disable_parallel_tool_use: true } },
  ])('tool_choice $tool_choice, parallel_tool_calls $parallel_tool_calls -> $expected', async ({ expected, ...params }) => {
    const body = await toAnthropic({ tools: [weatherTool], ...params } as never)
    expect(body.tool_choice).toEqual(expected)
  })

  it('assistant tool_calls become tool_use blocks and consecutive tool messages one user turn of tool_results', async () => {
    const body = await toAnthropic({
      tools: [weatherTool],
      messages: [
        user('Weather in Paris and Rome?'),
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
            { id: 'call_2', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Rome"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: 'Sunny' },
        { role: 'tool', tool_call_id: 'call_2', content: 'Rainy' },
        user('Thanks, and tomorrow?'),
      ],
    })
    expect(body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Weather in Paris and Rome?' }] },
      {
        role: 'assistant',
        content: [
          { type: 'tool_use', id: 'call_1', name: 'get_weather', input: { city: 'Paris' } },
          { type: 'tool_use', id: 'call_2', name: 'get_weather', input: { city: 'Rome' } },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'call_1', content: [{ type: 'text', text: 'Sunny' }] },
          { type: 'tool_result', tool_use_id: 'call_2', content: [{ type: 'text', text: 'Rainy' }] },
          { type: 'text', text: 'Thanks, and tomorrow?' },
        ],
      },
    ])
  })

  it.each([
    { params: {}, max_tokens: 32_000, why: "the catalogue's default max output for the model" },
    { params: { max_tokens: 300 }, max_tokens: 300, why: 'max_tokens as given' },
    { params: { max_completion_tokens: 500 }, max_tokens: 500, why: 'max_completion_tokens as given' },
  ])('max_tokens: $why', async ({ params, max_tokens }) => {
    expect((await toAnthropic(params)).max_tokens).toBe(max_tokens)
  })

  it.each([
    { reasoning_effort: 'minimal', budget: 1024 },
    { reasoning_effort: 'low', budget: 4096 },
    { reasoning_effort: 'medium', budget: 8192 },
    { reasoning_effort: 'high', budget: 16_384 },
  ] as const)('reasoning_effort $reasoning_effort -> thinking budget $budget, under the default max_tokens', async ({ reasoning_effort, budget }) => {
    const body = await toAnthropic({ reasoning_effort, temperature: 0.3 })
    expect(body.thinking).toEqual({ type: 'enabled', budget_tokens: budget })
    expect(body.max_tokens).toBe(32_000)
    // Anthropic rejects temperature with thinking on.
    expect(body).not.toHaveProperty('temperature')
  })

  it('a caller max_completion_tokens below the budget is kept, and the budget shrinks to fit under it', async () => {
    const body = await toAnthropic({ reasoning_effort: 'high', max_completion_tokens: 6000 })
    expect(body).toMatchObject({ max_tokens: 6000, thinking: { type: 'enabled', budget_tokens: 3000 } })
  })

  it('reasoning_effort none sends no thinking', async () => {
    expect(await toAnthropic({ reasoning_effort: 'none' as never })).not.toHaveProperty('thinking')
  })

  it('sampling: temperature clamped to 0..1 and sent alone; stop -> stop_sequences; user -> metadata.user_id', async () => {
    const body = await toAnthropic({ temperature: 1.5, top_p: 0.9, stop: ['END', '###'], user: 'user-42' })
    expect(body).toMatchObject({ temperature: 1, stop_sequences: ['END', '###'], metadata: { user_id: 'user-42' } })
    expect(body).not.toHaveProperty('top_p')
    expect((await toAnthropic({ stop: 'DONE', top_p: 0.5 })).stop_sequences).toEqual(['DONE'])
    expect(received(h).top_p).toBe(0.5)
  })

  it('response_format json_schema -> output_config.format', async () => {
    const schema = { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'], additionalProperties: false }
    const body = await toAnthropic({ response_format: { type: 'json_schema', json_schema: { name: 'reply', schema, strict: true } } })
    expect(body.output_config).toEqual({ format: { type: 'json_schema', schema } })
  })

  it('n > 1 is a clear 400 in OpenAI shape, and nothing reaches the upstream', async () => {
    const error = await askOpenAI(h, MODEL.anthropic, { messages: [user('hello')], n: 2 }, 'json').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(OpenAI.BadRequestError)
    expect(error).toMatchObject({ status: 400, param: 'n', type: 'invalid_request_error', message: expect.stringContaining('n > 1 is not supported') })
    expect(h.fake.requests).toHaveLength(0)
  })

  it('a final assistant message is an Anthropic prefill: its trailing whitespace is trimmed (Anthropic rejects it)', async () => {
    const body = await toAnthropic({ messages: [user('Name a colour.'), { role: 'assistant', content: 'Sure, ' }] })
    expect(body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Name a colour.' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'Sure,' }] },
    ])
    expect(h.fake.requests[0].status).toBe(200)
  })

  it('cache_control a client puts on content parts is kept, and no automatic breakpoint is added', async () => {
    const long = 'Context line that repeats. '.repeat(800)
    const body = await toAnthropic({
      messages: [
        { role: 'system', content: [{ type: 'text', text: long, cache_control: { type: 'ephemeral', ttl: '1h' } }] },
        user('question one'),
      ],
    })
    expect(body.system).toEqual([{ type: 'text', text: long, cache_control: { type: 'ephemeral', ttl: '1h' } }])
    expect(JSON.stringify(body.messages)).not.toContain('cache_control')
  })
})

describe('Anthropic client -> OpenAI provider: the request OpenAI receives', () => {
  it('system (string or blocks) becomes one system message first', async () => {
    expect((await toOpenAI({ system: 'Be brief.' })).messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'hello' },
    ])
    const blocks = await toOpenAI({ system: [{ type: 'text', text: 'Be brief.' }, { type: 'text', text: 'Answer in French.', cache_control: { type: 'ephemeral' } }] })
    expect(blocks.messages).toEqual([
      { role: 'system', content: 'Be brief.\n\nAnswer in French.' },
      { role: 'user', content: 'hello' },
    ])
  })

  it('tools become function tools (cache_control dropped: OpenAI rejects it)', async () => {
    const body = await toOpenAI({ tools: [{ name: 'get_weather', description: 'Weather', input_schema: weatherFn.parameters as never, cache_control: { type: 'ephemeral' } }] })
    expect(body.tools).toEqual([{ type: 'function', function: weatherFn }])
  })

  it.each([
    { tool_choice: { type: 'auto' }, expected: { tool_choice: 'auto' } },
    { tool_choice: { type: 'none' }, expected: { tool_choice: 'none' } },
    { tool_choice: { type: 'any' }, expected: { tool_choice: 'required' } },
    { tool_choice: { type: 'tool', name: 'get_weather' }, expected: { tool_choice: { type: 'function', function: { name: 'get_weather' } } } },
    { tool_choice: { type: 'auto', disable_parallel_tool_use: true }, expected: { tool_choice: 'auto', parallel_tool_calls: false } },
    { tool_choice: { type: 'any', disable_parallel_tool_use: true }, expected: { tool_choice: 'required', parallel_tool_calls: false } },
  ])('tool_choice $tool_choice -> $expected', async ({ tool_choice, expected }) => {
    const body = await toOpenAI({ tools: [{ name: 'get_weather', input_schema: weatherFn.parameters as never }], tool_choice: tool_choice as never })
    expect(body).toMatchObject(expected)
    if (!('parallel_tool_calls' in expected)) expect(body).not.toHaveProperty('parallel_tool_calls')
  })

  it('tool_use blocks become tool_calls and tool_result blocks tool messages right after them', async () => {
    const body = await toOpenAI({
      tools: [{ name: 'get_weather', input_schema: weatherFn.parameters as never }],
      messages: [
        { role: 'user', content: 'Weather in Paris and Rome?' },
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'Checking.' },
            { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Paris' } },
            { type: 'tool_use', id: 'toolu_2', name: 'get_weather', input: { city: 'Rome' } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'toolu_1', content: 'Sunny' },
            { type: 'tool_result', tool_use_id: 'toolu_2', content: [{ type: 'text', text: 'Rainy' }], is_error: false },
            { type: 'text', text: 'And tomorrow?' },
          ],
        },
      ],
    })
    expect(body.messages).toEqual([
      { role: 'user', content: 'Weather in Paris and Rome?' },
      {
        role: 'assistant',
        content: 'Checking.',
        tool_calls: [
          { id: 'toolu_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
          { id: 'toolu_2', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Rome"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'toolu_1', content: 'Sunny' },
      { role: 'tool', tool_call_id: 'toolu_2', content: 'Rainy' },
      { role: 'user', content: 'And tomorrow?' },
    ])
  })

  it.each([
    { budget: 1024, effort: 'low' },
    { budget: 4095, effort: 'low' },
    { budget: 4096, effort: 'medium' },
    { budget: 16_383, effort: 'medium' },
    { budget: 16_384, effort: 'high' },
    { budget: 19_999, effort: 'high' },
  ])('thinking budget $budget -> reasoning_effort $effort', async ({ budget, effort }) => {
    // (The SDK refuses non-streaming calls above ~21K max_tokens.)
    const body = await toOpenAI({ max_tokens: 20_000, thinking: { type: 'enabled', budget_tokens: budget } })
    expect(body).toMatchObject({ reasoning_effort: effort, max_tokens: 20_000 })
  })

  it('thinking disabled sends no reasoning_effort', async () => {
    expect(await toOpenAI({ thinking: { type: 'disabled' } })).not.toHaveProperty('reasoning_effort')
  })

  it('max_tokens, temperature, top_p, stop_sequences -> stop, metadata.user_id -> user', async () => {
    const body = await toOpenAI({ max_tokens: 700, temperature: 0.2, top_p: 0.8, stop_sequences: ['END'], metadata: { user_id: 'user-42' } })
    expect(body).toMatchObject({ max_tokens: 700, temperature: 0.2, top_p: 0.8, stop: ['END'], user: 'user-42' })
  })
})
