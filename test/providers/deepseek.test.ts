/**
 * Both official SDKs against a DeepSeek-style OpenAI-compatible service set up
 * from its preset (`{"type":"openai","preset":"deepseek","baseURL": fake}`):
 * `reasoning_content` thinking, usage in the finish chunk with cache hit
 * counts, and streamed tool calls whose indices start at 1. OpenAI clients take
 * the fast path (the body forwarded), Anthropic clients the translated one.
 */
import type Anthropic from '@anthropic-ai/sdk'
import type OpenAI from 'openai'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openai, type ReplyFn, type SseItem } from '../support/fake-upstream.js'
import { sent, startHarness, UPSTREAM_KEY, type ProviderHarness } from './setup.js'

let h: ProviderHarness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.close())
afterEach(() => h.fake.reset())

const MODEL = 'deepseek/deepseek-reasoner'

interface ScriptedCall {
  id: string
  name: string
  arguments: string
}

/** DeepSeek usage: 50 prompt tokens (20 from cache), 30 completion (12 of them reasoning). */
const USAGE = {
  prompt_tokens: 50,
  completion_tokens: 30,
  total_tokens: 80,
  prompt_tokens_details: { cached_tokens: 20 },
  completion_tokens_details: { reasoning_tokens: 12 },
  prompt_cache_hit_tokens: 20,
  prompt_cache_miss_tokens: 30,
}

/**
 * A stream shaped like DeepSeek's (role chunk with empty reasoning_content, reasoning
 * pieces, content pieces, tool-call pieces, usage on the finish chunk), except that the
 * tool-call indices start at `firstIndex`, as some compatible services number them.
 */
function deepseekStream(opts: { reasoning: string[]; text?: string[]; calls?: ScriptedCall[]; firstIndex?: number }): ReplyFn {
  return (req) => {
    const head = { id: 'b1f0c5de-7d4e-4a53-9d8e-2f6c0a9e4b11', object: 'chat.completion.chunk', created: 1764664568, model: req.model, system_fingerprint: 'fp_eaab8d114b_prod0820_fp8_kvcache' }
    const chunk = (delta: unknown, finish: string | null = null, usage: unknown = null): SseItem => ({
      data: { ...head, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], usage },
    })
    const items: SseItem[] = [chunk({ role: 'assistant', content: null, reasoning_content: '' })]
    for (const piece of opts.reasoning) items.push(chunk({ content: null, reasoning_content: piece }))
    for (const piece of opts.text ?? []) items.push(chunk({ content: piece, reasoning_content: null }))
    ;(opts.calls ?? []).forEach((call, n) => {
      const index = (opts.firstIndex ?? 0) + n
      items.push(chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }))
      const half = Math.ceil(call.arguments.length / 2)
      for (const piece of [call.arguments.slice(0, half), call.arguments.slice(half)]) items.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }))
    })
    items.push(chunk({ content: '', reasoning_content: null }, opts.calls?.length ? 'tool_calls' : 'stop', USAGE))
    items.push('data: [DONE]\n\n')
    return { sse: items }
  }
}

const calls: ScriptedCall[] = [
  { id: 'call_00_ioIn7yN9p1ZOMNpDLwd4MgAF', name: 'get_weather', arguments: '{"city":"Paris"}' },
  { id: 'call_01_Qm3KfT0aZc8WcX1nq2Lr5sYh', name: 'get_time', arguments: '{"zone":"Europe/Paris"}' },
]
const toolStream = () => deepseekStream({ reasoning: ['The user wants', ' weather and time.'], calls, firstIndex: 1 })

const openaiTools: OpenAI.Chat.Completions.ChatCompletionTool[] = [
  { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } },
  { type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: { zone: { type: 'string' } } } } },
]
const anthropicTools: Anthropic.Tool[] = [
  { name: 'get_weather', input_schema: { type: 'object', properties: { city: { type: 'string' } } } },
  { name: 'get_time', input_schema: { type: 'object', properties: { zone: { type: 'string' } } } },
]

type WithReasoning<T> = T & { reasoning_content?: string | null }

describe('OpenAI SDK client (fast path)', () => {
  it('non-stream: reasoning_content, text and DeepSeek usage arrive; the preset key and path are used', async () => {
    h.fake.enqueue(openai.reasoning('Two plus two.', 'Four.', { usage: { input: 30, cacheRead: 20, output: 30, reasoning: 12 } }))
    const completion = await h.openai.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: '2+2?' }] })
    const message = completion.choices[0].message as WithReasoning<OpenAI.Chat.Completions.ChatCompletionMessage>
    expect(message.reasoning_content).toBe('Two plus two.')
    expect(message.content).toBe('Four.')
    expect(completion.choices[0].finish_reason).toBe('stop')
    expect(completion.usage).toMatchObject({ prompt_tokens: 50, completion_tokens: 30, prompt_tokens_details: { cached_tokens: 20 }, completion_tokens_details: { reasoning_tokens: 12 } })
    const request = h.fake.requests[0]
    expect(request.pathname).toBe('/deepseek/v1/chat/completions')
    expect(request.headers.authorization).toBe(`Bearer ${UPSTREAM_KEY}`)
    expect(sent(h.fake)).toEqual({ model: 'deepseek-reasoner', messages: [{ role: 'user', content: '2+2?' }] })
  })

  it('stream: reasoning_content deltas, then content', async () => {
    h.fake.enqueue(deepseekStream({ reasoning: ['Two', ' plus two.'], text: ['Fo', 'ur.'] }))
    const stream = await h.openai.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: '2+2?' }], stream: true, stream_options: { include_usage: true } })
    let reasoning = ''
    let text = ''
    let usage: OpenAI.CompletionUsage | null | undefined
    let finish: string | null = null
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta as WithReasoning<OpenAI.Chat.Completions.ChatCompletionChunk.Choice.Delta> | undefined
      reasoning += delta?.reasoning_content ?? ''
      text += delta?.content ?? ''
      finish = chunk.choices[0]?.finish_reason ?? finish
      usage = chunk.usage ?? usage
    }
    expect(reasoning).toBe('Two plus two.')
    expect(text).toBe('Four.')
    expect(finish).toBe('stop')
    expect(usage).toMatchObject({ prompt_tokens: 50, completion_tokens: 30 })
  })

  it('streamed tool calls numbered from 1 upstream reach the SDK numbered from 0 and assemble', async () => {
    h.fake.enqueue(toolStream())
    const runner = h.openai.chat.completions.stream({ model: MODEL, messages: [{ role: 'user', content: 'Weather and time in Paris?' }], tools: openaiTools })
    const indices: number[] = []
    let reasoning = ''
    runner.on('chunk', (chunk) => {
      const delta = chunk.choices[0]?.delta as WithReasoning<OpenAI.Chat.Completions.ChatCompletionChunk.Choice.Delta> | undefined
      for (const call of delta?.tool_calls ?? []) indices.push(call.index)
      // The SDK's accumulator does not know reasoning_content (DeepSeek's trailing null overwrites it).
      reasoning += delta?.reasoning_content ?? ''
    })
    const final = await runner.finalChatCompletion()
    expect([...new Set(indices)]).toEqual([0, 1])
    const message = final.choices[0].message
    expect(message.tool_calls?.map((c) => c.type === 'function' && [c.id, c.function.name, JSON.parse(c.function.arguments)])).toEqual([
      [calls[0].id, 'get_weather', { city: 'Paris' }],
      [calls[1].id, 'get_time', { zone: 'Europe/Paris' }],
    ])
    expect(reasoning).toBe('The user wants weather and time.')
    expect(final.choices[0].finish_reason).toBe('tool_calls')
    expect(final.usage).toMatchObject({ prompt_tokens: 50, completion_tokens: 30, total_tokens: 80 })
  })

  it('the log record of a fast-path stream is assembled from the renumbered chunks, with usage', async () => {
    const before = h.gw.records.length
    h.fake.enqueue(toolStream())
    await h.openai.chat.completions.stream({ model: MODEL, messages: [{ role: 'user', content: 'Weather?' }], tools: openaiTools }).finalChatCompletion()
    const record = (await h.gw.waitForRecords(before + 1)).at(-1)!
    expect(record).toMatchObject({ provider: 'deepseek', providerModel: 'deepseek-reasoner', status: 200 })
    expect(record.usage).toMatchObject({ input: 30, output: 30, cacheRead: 20, reasoning: 12 })
    const logged = record.response as OpenAI.Chat.Completions.ChatCompletion
    expect(logged.choices[0].message.tool_calls?.map((c) => c.id)).toEqual([calls[0].id, calls[1].id])
  })
})

describe('Anthropic SDK client (translated)', () => {
  it('non-stream: thinking block, text, end_turn and usage with cache reads split out', async () => {
    h.fake.enqueue(openai.reasoning('Two plus two.', 'Four.', { usage: { input: 30, cacheRead: 20, output: 30, reasoning: 12 } }))
    const message = await h.anthropic.messages.create({
      model: MODEL,
      max_tokens: 2048,
      thinking: { type: 'enabled', budget_tokens: 1024 },
      messages: [{ role: 'user', content: '2+2?' }],
    })
    expect(message.content).toEqual([
      { type: 'thinking', thinking: 'Two plus two.', signature: '' },
      { type: 'text', text: 'Four.' },
    ])
    expect(message.stop_reason).toBe('end_turn')
    expect(message.usage).toMatchObject({ input_tokens: 30, cache_read_input_tokens: 20, output_tokens: 30 })
    // A 1024-token budget is a low effort on an OpenAI-compatible service.
    expect(sent(h.fake)).toMatchObject({ model: 'deepseek-reasoner', max_tokens: 2048, reasoning_effort: 'low' })
  })

  it('streamed tool calls numbered from 1: a thinking block, then one tool_use block per call', async () => {
    h.fake.enqueue(toolStream())
    const stream = h.anthropic.messages.stream({ model: MODEL, max_tokens: 2048, messages: [{ role: 'user', content: 'Weather and time in Paris?' }], tools: anthropicTools })
    const message = await stream.finalMessage()
    expect(message.content.map((b) => b.type)).toEqual(['thinking', 'tool_use', 'tool_use'])
    expect((message.content[0] as Anthropic.ThinkingBlock).thinking).toBe('The user wants weather and time.')
    expect(message.content.slice(1)).toEqual([
      { type: 'tool_use', id: calls[0].id, name: 'get_weather', input: { city: 'Paris' } },
      { type: 'tool_use', id: calls[1].id, name: 'get_time', input: { zone: 'Europe/Paris' } },
    ])
    expect(message.stop_reason).toBe('tool_use')
    expect(message.usage).toMatchObject({ input_tokens: 30, cache_read_input_tokens: 20, output_tokens: 30 })
    expect(sent(h.fake)).toMatchObject({ stream: true, stream_options: { include_usage: true } })
  })

  it('the next turn carries the thinking back as reasoning_content (the DeepSeek quirk) with the tool results', async () => {
    h.fake.enqueue(toolStream())
    const first = await h.anthropic.messages.stream({ model: MODEL, max_tokens: 2048, messages: [{ role: 'user', content: 'Weather and time?' }], tools: anthropicTools }).finalMessage()
    const uses = first.content.filter((b): b is Anthropic.ToolUseBlock => b.type === 'tool_use')
    h.fake.enqueue(openai.reasoning('Both known now.', 'Sunny, 14:05.'))
    const second = await h.anthropic.messages.create({
      model: MODEL,
      max_tokens: 2048,
      tools: anthropicTools,
      messages: [
        { role: 'user', content: 'Weather and time?' },
        { role: 'assistant', content: first.content },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: uses[0].id, content: 'Sunny' },
            { type: 'tool_result', tool_use_id: uses[1].id, content: '14:05' },
          ],
        },
      ],
    })
    expect(second.content.at(-1)).toEqual({ type: 'text', text: 'Sunny, 14:05.' })
    expect(sent(h.fake).messages).toEqual([
      { role: 'user', content: 'Weather and time?' },
      {
        role: 'assistant',
        content: null,
        reasoning_content: 'The user wants weather and time.',
        tool_calls: [
          { id: calls[0].id, type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
          { id: calls[1].id, type: 'function', function: { name: 'get_time', arguments: '{"zone":"Europe/Paris"}' } },
        ],
      },
      { role: 'tool', tool_call_id: calls[0].id, content: 'Sunny' },
      { role: 'tool', tool_call_id: calls[1].id, content: '14:05' },
    ])
  })
})
