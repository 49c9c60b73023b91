/**
 * What the client gets back from a provider of the other format: stop reasons,
 * usage (Anthropic's input_tokens excludes cached tokens, OpenAI's prompt_tokens
 * includes them), usage in streams (OpenAI's final usage chunk, Anthropic's
 * message_start / message_delta), and automatic prompt caching for OpenAI-format
 * clients of an Anthropic provider.
 */
import type Anthropic from '@anthropic-ai/sdk'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { anthropic, openai, type StopKind } from '../support/fake-upstream.js'
import { askAnthropic, askOpenAI, type Harness, MODEL, type Mode, received, startHarness } from './harness.js'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterEach(() => h.fake.reset())
afterAll(() => h.close())

const MODES: Mode[] = ['json', 'stream']
const question = { messages: [{ role: 'user', content: 'Tell me something.' }] }

describe.each(MODES)('stop reasons (%s)', (mode) => {
  it.each([
    { upstream: 'end', finish: 'stop' },
    { upstream: 'stop_sequence', finish: 'stop' },
    { upstream: 'length', finish: 'length' },
    { upstream: 'tool', finish: 'tool_calls' },
    { upstream: 'refusal', finish: 'content_filter' },
  ] as Array<{ upstream: StopKind; finish: string }>)('Anthropic $upstream -> OpenAI client finish_reason $finish', async ({ upstream, finish }) => {
    const blocks = upstream === 'tool' ? [{ type: 'tool_call' as const, name: 'get_weather', input: { city: 'Paris' } }] : [{ type: 'text' as const, text: 'Some text' }]
    h.fake.enqueue(anthropic.answer({ blocks, stop: upstream, stopSequence: 'END' }))
    const { completion } = await askOpenAI(h, MODEL.anthropic, question, mode)
    expect(completion.choices[0].finish_reason).toBe(finish)
  })

  it.each([
    { upstream: 'end', stop: 'end_turn' },
    { upstream: 'length', stop: 'max_tokens' },
    { upstream: 'tool', stop: 'tool_use' },
    { upstream: 'content_filter', stop: 'refusal' },
  ] as Array<{ upstream: StopKind; stop: string }>)('OpenAI $upstream -> Anthropic client stop_reason $stop', async ({ upstream, stop }) => {
    const blocks = upstream === 'tool' ? [{ type: 'tool_call' as const, name: 'get_weather', input: { city: 'Paris' } }] : [{ type: 'text' as const, text: 'Some text' }]
    h.fake.enqueue(openai.answer({ blocks, stop: upstream }))
    const { message } = await askAnthropic(h, MODEL.openai, { max_tokens: 100, ...question } as never, mode)
    expect(message.stop_reason).toBe(stop)
    expect(message.stop_sequence).toBeNull()
  })
})

const ANTHROPIC_USAGE = { input: 100, cacheRead: 2000, cacheWrite: 300, output: 50 }
/** What an OpenAI client must see for ANTHROPIC_USAGE: prompt_tokens counts cached and cache-written input too. */
const AS_OPENAI = { prompt_tokens: 2400, completion_tokens: 50, total_tokens: 2450, prompt_tokens_details: { cached_tokens: 2000 } }

describe('usage: Anthropic provider -> OpenAI client', () => {
  it('JSON: prompt_tokens = input + cache_read + cache_creation, cached_tokens = cache_read', async () => {
    h.fake.enqueue(anthropic.text('ok', { usage: ANTHROPIC_USAGE }))
    const { completion } = await askOpenAI(h, MODEL.anthropic, question, 'json')
    expect(completion.usage).toEqual(AS_OPENAI)
  })

  it('stream with include_usage: one final chunk with no choices carries it; the others carry usage null', async () => {
    h.fake.enqueue(anthropic.text('one two three', { usage: ANTHROPIC_USAGE }))
    const { completion, trace } = await askOpenAI(h, MODEL.anthropic, question, 'stream')
    const last = trace!.chunks.at(-1)!
    expect(last.choices).toEqual([])
    expect(last.usage).toEqual(AS_OPENAI)
    expect(trace!.chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true)
    expect(completion.usage).toEqual(AS_OPENAI)
  })

  it('stream without include_usage: no usage anywhere (as OpenAI does)', async () => {
    h.fake.enqueue(anthropic.text('one two three', { usage: ANTHROPIC_USAGE }))
    const chunks = []
    const stream = await h.openai.chat.completions.create({ model: MODEL.anthropic, messages: [{ role: 'user', content: 'Tell me something.' }], stream: true })
    for await (const chunk of stream) chunks.push(chunk)
    expect(chunks.length).toBeGreaterThan(2)
    expect(chunks.every((chunk) => chunk.usage === undefined)).toBe(true)
    // The gateway still asks the upstream for usage, to log it.
    expect(received(h).stream).toBe(true)
  })
})

/** OpenAI-side usage with 2000 of 2100 prompt tokens cached and 10 reasoning tokens. */
const OPENAI_USAGE = { input: 100, cacheRead: 2000, output: 50, reasoning: 10 }
const AS_ANTHROPIC = { input_tokens: 100, cache_read_input_tokens: 2000, cache_creation_input_tokens: 0, output_tokens: 50 }

describe('usage: OpenAI provider -> Anthropic client', () => {
  it('JSON: input_tokens excludes the cached prompt tokens, which become cache_read_input_tokens', async () => {
    h.fake.enqueue(openai.text('ok', { usage: OPENAI_USAGE }))
    const { message } = await askAnthropic(h, MODEL.openai, { max_tokens: 100, ...question } as never, 'json')
    expect(message.usage).toMatchObject(AS_ANTHROPIC)
  })

  it('stream: message_delta carries the totals (an OpenAI-type upstream reports usage only at the end)', async () => {
    h.fake.enqueue(openai.text('one two three', { usage: OPENAI_USAGE }))
    const { message, trace } = await askAnthropic(h, MODEL.openai, { max_tokens: 100, ...question } as never, 'stream')
    const delta = trace!.events.find((event): event is Anthropic.MessageDeltaEvent => event.type === 'message_delta')
    expect(delta!.usage).toMatchObject({ input_tokens: 100, cache_read_input_tokens: 2000, output_tokens: 50 })
    expect(message.usage).toMatchObject(AS_ANTHROPIC)
  })

  it('a DeepSeek-flavoured upstream (usage in the finish chunk, prompt_cache_hit_tokens) maps the same way', async () => {
    h.fake.enqueue(openai.reasoning('think', 'answer', { usage: OPENAI_USAGE }))
    const { message } = await askAnthropic(h, MODEL.openai, { max_tokens: 100, ...question } as never, 'stream')
    expect(message.usage).toMatchObject(AS_ANTHROPIC)
  })
})

describe('automatic prompt caching: OpenAI client -> Anthropic provider', () => {
  const longSystem = 'You are a meticulous assistant. Follow the house style guide in every answer. '.repeat(120)
  const conversation = [
    { role: 'system', content: longSystem },
    { role: 'user', content: 'First question about the guide?' },
    { role: 'assistant', content: 'First answer.' },
    { role: 'user', content: 'Second question?' },
  ]

  it.each(MODES)('places breakpoints on a long stable prefix and reports the cached tokens (%s)', async (mode) => {
    h.fake.enqueue(anthropic.text('Cached answer.', { usage: { input: 12, cacheRead: 1500, cacheWrite: 40, output: 5 } }))
    const { completion, trace } = await askOpenAI(h, MODEL.anthropic, { messages: conversation }, mode)
    const body = received(h) as { system: Array<Record<string, unknown>>; messages: Array<{ role: string; content: Array<Record<string, unknown>> }> }
    // The system prompt and the last two user turns (the newest writes, the previous one reads).
    expect(body.system.at(-1)!.cache_control).toEqual({ type: 'ephemeral' })
    expect(body.messages[0].content.at(-1)!.cache_control).toEqual({ type: 'ephemeral' })
    expect(body.messages[2].content.at(-1)!.cache_control).toEqual({ type: 'ephemeral' })
    expect(body.messages[1].content.at(-1)).not.toHaveProperty('cache_control')
    const usage = mode === 'json' ? completion.usage : trace!.chunks.at(-1)!.usage
    expect(usage).toMatchObject({ prompt_tokens: 12 + 1500 + 40, prompt_tokens_details: { cached_tokens: 1500 } })
  })

  it('leaves short prompts alone (below the 1,024-token minimum Anthropic caches)', async () => {
    h.fake.enqueue(anthropic.text('ok'))
    await askOpenAI(h, MODEL.anthropic, { messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'hi' }] }, 'json')
    expect(JSON.stringify(received(h))).not.toContain('cache_control')
  })

  it('caches a long tool list too (at most 4 breakpoints in all)', async () => {
    h.fake.enqueue(anthropic.text('ok'))
    const tools = Array.from({ length: 30 }, (_, i) => ({
      type: 'function' as const,
      function: {
        name: `tool_${i}`,
        description: `Tool number ${i}, which does a particular thing with the given arguments and reports back in detail.`,
        parameters: { type: 'object', properties: { query: { type: 'string', description: 'What to look up, in plain words.' } } },
      },
    }))
    await askOpenAI(h, MODEL.anthropic, { messages: conversation, tools }, 'json')
    const body = received(h) as { tools: Array<Record<string, unknown>> }
    expect(body.tools.at(-1)!.cache_control).toEqual({ type: 'ephemeral' })
    expect(body.tools.slice(0, -1).some((tool) => 'cache_control' in tool)).toBe(false)
    expect(JSON.stringify(body).match(/cache_control/g)).toHaveLength(4)
  })
})
