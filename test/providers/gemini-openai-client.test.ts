/**
 * The official OpenAI SDK against a Gemini provider: text, streamed tool calls,
 * thinking and a multi-turn gemini-3 tool conversation whose thought
 * signatures travel back as tool_calls[].extra_content.google.thought_signature.
 */
import type OpenAI from 'openai'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { gemini } from '../support/fake-upstream.js'
import { sent, startHarness, UPSTREAM_KEY, type ProviderHarness } from './setup.js'

let h: ProviderHarness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.close())
afterEach(() => h.fake.reset())

type Message = OpenAI.Chat.Completions.ChatCompletionMessageParam

const weatherTool: OpenAI.Chat.Completions.ChatCompletionTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Current weather for a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
  },
}
const timeTool: OpenAI.Chat.Completions.ChatCompletionTool = {
  type: 'function',
  function: { name: 'get_time', parameters: { type: 'object', properties: { zone: { type: 'string' } } } },
}

// Gemini counts: prompt 50 (10 of them cached), 13 visible output, 12 thinking.
const usage = { input: 40, cacheRead: 10, output: 25, reasoning: 12 }

describe('text', () => {
  it('non-stream: content, stop, usage mapped to OpenAI numbers; key in a header, never the URL', async () => {
    h.fake.enqueue(gemini.text('Bonjour tout le monde.', { usage }))
    const completion = await h.openai.chat.completions.create({
      model: 'google/gemini-2.5-flash',
      messages: [
        { role: 'system', content: 'Answer in French.' },
        { role: 'user', content: 'Say hello' },
      ],
    })
    expect(completion.choices[0].message.content).toBe('Bonjour tout le monde.')
    expect(completion.choices[0].finish_reason).toBe('stop')
    expect(completion.usage).toMatchObject({
      prompt_tokens: 50,
      completion_tokens: 25,
      total_tokens: 75,
      prompt_tokens_details: { cached_tokens: 10 },
      completion_tokens_details: { reasoning_tokens: 12 },
    })
    const request = h.fake.requests[0]
    expect(request.pathname).toBe('/v1beta/models/gemini-2.5-flash:generateContent')
    expect(request.headers['x-goog-api-key']).toBe(UPSTREAM_KEY)
    expect(request.path).not.toContain(UPSTREAM_KEY)
    expect(sent(h.fake)).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'Say hello' }] }],
      systemInstruction: { parts: [{ text: 'Answer in French.' }] },
    })
  })

  it('stream: deltas as they come, finish_reason and a usage chunk with include_usage', async () => {
    h.fake.enqueue(gemini.text('one two three four five', { usage }))
    const stream = await h.openai.chat.completions.create({
      model: 'google/gemini-2.5-flash',
      messages: [{ role: 'user', content: 'count' }],
      stream: true,
      stream_options: { include_usage: true },
    })
    const deltas: string[] = []
    const finishes: Array<string | null> = []
    let lastUsage: OpenAI.CompletionUsage | undefined | null
    for await (const chunk of stream) {
      const choice = chunk.choices[0]
      if (choice?.delta.content) deltas.push(choice.delta.content)
      if (choice?.finish_reason) finishes.push(choice.finish_reason)
      if (chunk.usage) lastUsage = chunk.usage
    }
    expect(h.fake.requests[0].path).toBe('/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse')
    expect(deltas.length).toBeGreaterThan(1)
    expect(deltas.join('')).toBe('one two three four five')
    expect(finishes).toEqual(['stop'])
    expect(lastUsage).toMatchObject({ prompt_tokens: 50, completion_tokens: 25, total_tokens: 75 })
  })

  it('MAX_TOKENS becomes finish_reason length', async () => {
    h.fake.enqueue(gemini.text('cut sh', { stop: 'length' }))
    const completion = await h.openai.chat.completions.create({ model: 'google/gemini-2.5-flash', messages: [{ role: 'user', content: 'long' }], max_tokens: 3 })
    expect(completion.choices[0].finish_reason).toBe('length')
    expect(sent(h.fake).generationConfig).toEqual({ maxOutputTokens: 3 })
  })
})

describe('tool calls', () => {
  it('streamed parallel calls are assembled by the SDK, with synthesized ids and finish_reason tool_calls', async () => {
    h.fake.enqueue(
      gemini.functionCall(
        [
          { name: 'get_weather', args: { city: 'Paris' } },
          { name: 'get_time', args: { zone: 'Europe/Paris' } },
        ],
        { usage: { input: 30, output: 20 } },
      ),
    )
    const stream = h.openai.chat.completions.stream({
      model: 'google/gemini-2.5-flash',
      messages: [{ role: 'user', content: 'Weather and time in Paris?' }],
      tools: [weatherTool, timeTool],
      stream_options: { include_usage: true },
    })
    const final = await stream.finalChatCompletion()
    const calls = final.choices[0].message.tool_calls ?? []
    expect(calls.map((c) => c.type === 'function' && [c.function.name, JSON.parse(c.function.arguments)])).toEqual([
      ['get_weather', { city: 'Paris' }],
      ['get_time', { zone: 'Europe/Paris' }],
    ])
    expect(new Set(calls.map((c) => c.id)).size).toBe(2)
    for (const call of calls) expect(call.id).toMatch(/^call_[A-Za-z0-9_-]+_\d$/)
    expect(final.choices[0].finish_reason).toBe('tool_calls')
    expect(final.usage).toMatchObject({ prompt_tokens: 30, completion_tokens: 20 })
  })

  it('gemini-3: a multi-turn conversation sends each signature back on its call, results in call order', async () => {
    const model = 'google/gemini-3-pro-preview'
    const messages: Message[] = [{ role: 'user', content: 'Weather and time in Paris?' }]

    // Turn 1 (streamed): two parallel calls; Gemini signs the first.
    h.fake.enqueue(
      gemini.functionCall([
        { name: 'get_weather', args: { city: 'Paris' } },
        { name: 'get_time', args: { zone: 'Europe/Paris' } },
      ]),
    )
    const runner = h.openai.chat.completions.stream({ model, messages, tools: [weatherTool, timeTool] })
    const firstDeltas: unknown[] = []
    runner.on('chunk', (chunk) => {
      for (const call of chunk.choices[0]?.delta.tool_calls ?? []) if (call.id) firstDeltas.push(call)
    })
    const first = await runner.finalChatCompletion()
    const assistant = first.choices[0].message
    const [weather, time] = assistant.tool_calls ?? []
    const signature = (weather as any).extra_content?.google?.thought_signature as string
    expect(signature).toEqual(expect.any(String))
    expect((time as any).extra_content).toBeUndefined()
    // Streamed in the call's first delta, next to its id and name, as Google's OpenAI endpoint does.
    expect(firstDeltas[0]).toMatchObject({ id: weather.id, extra_content: { google: { thought_signature: signature } } })

    // Turn 2: the client returns the message as the SDK gave it, results in the opposite order.
    messages.push(assistant as Message)
    messages.push({ role: 'tool', tool_call_id: time.id, content: '{"time":"14:05"}' })
    messages.push({ role: 'tool', tool_call_id: weather.id, content: 'Sunny, 21°C' })
    h.fake.enqueue(gemini.functionCall({ name: 'get_weather', args: { city: 'Lyon' } }, { text: 'Paris: sunny, 14:05. Checking Lyon too.' }))
    const second = await h.openai.chat.completions.create({ model, messages, tools: [weatherTool, timeTool] })
    const modelTurn = sent(h.fake).contents[1]
    expect(modelTurn).toEqual({
      role: 'model',
      parts: [
        { functionCall: { name: 'get_weather', args: { city: 'Paris' } }, thoughtSignature: signature },
        { functionCall: { name: 'get_time', args: { zone: 'Europe/Paris' } } },
      ],
    })
    expect(sent(h.fake).contents[2]).toEqual({
      role: 'user',
      parts: [
        { functionResponse: { name: 'get_weather', response: { result: 'Sunny, 21°C' } } },
        { functionResponse: { name: 'get_time', response: { time: '14:05' } } },
      ],
    })
    const next = second.choices[0].message
    expect(next.content).toBe('Paris: sunny, 14:05. Checking Lyon too.')
    const lyon = next.tool_calls![0]
    expect(lyon.id).not.toBe(weather.id)

    // Turn 3: the second step's signature (non-stream this time) goes back too, the first stays.
    messages.push(next as Message, { role: 'tool', tool_call_id: lyon.id, content: 'Rain, 15°C' })
    h.fake.enqueue(gemini.text('Paris is sunny, Lyon rainy.'))
    const third = await h.openai.chat.completions.create({ model, messages, tools: [weatherTool, timeTool] })
    expect(third.choices[0].message.content).toBe('Paris is sunny, Lyon rainy.')
    const contents = sent(h.fake).contents
    expect(contents[1].parts[0].thoughtSignature).toBe(signature)
    expect(contents[3].parts).toEqual([
      { text: 'Paris: sunny, 14:05. Checking Lyon too.' },
      { functionCall: { name: 'get_weather', args: { city: 'Lyon' } }, thoughtSignature: (lyon as any).extra_content.google.thought_signature },
    ])
  })

  it('gemini-3: the fake rejects a forged signature, and the error reaches the client as a 400', async () => {
    h.fake.enqueue(gemini.functionCall({ name: 'get_weather', args: { city: 'Paris' } }))
    const model = 'google/gemini-3-pro-preview'
    const first = await h.openai.chat.completions.create({ model, messages: [{ role: 'user', content: 'Weather?' }], tools: [weatherTool] })
    const call = first.choices[0].message.tool_calls![0] as any
    call.extra_content.google.thought_signature = 'Zm9yZ2Vk'
    const error = await h.openai.chat.completions
      .create({
        model,
        tools: [weatherTool],
        messages: [{ role: 'user', content: 'Weather?' }, first.choices[0].message as Message, { role: 'tool', tool_call_id: call.id, content: 'Sunny' }],
      })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 400, type: 'invalid_request_error' })
    expect(String((error as Error).message)).toMatch(/Corrupted thought signature/)
  })

  it('gemini-3: a client that drops extra_content still gets an answer (the documented skip value is sent)', async () => {
    const model = 'google/gemini-3-pro-preview'
    h.fake.enqueue(gemini.functionCall({ name: 'get_weather', args: { city: 'Paris' } }))
    const first = await h.openai.chat.completions.create({ model, messages: [{ role: 'user', content: 'Weather?' }], tools: [weatherTool] })
    const call = first.choices[0].message.tool_calls![0]
    if (call.type !== 'function') throw new Error('expected a function call')
    h.fake.enqueue(gemini.text('Sunny.'))
    const rebuilt: Message = { role: 'assistant', content: null, tool_calls: [{ id: call.id, type: 'function', function: call.function }] }
    const second = await h.openai.chat.completions.create({
      model,
      tools: [weatherTool],
      messages: [{ role: 'user', content: 'Weather?' }, rebuilt, { role: 'tool', tool_call_id: call.id, content: 'Sunny' }],
    })
    expect(second.choices[0].message.content).toBe('Sunny.')
    expect(sent(h.fake).contents[1].parts[0].thoughtSignature).toBe('skip_thought_signature_validator')
  })
})

describe('thinking', () => {
  it('reasoning_effort -> thinkingConfig; thoughts come back as reasoning_content (non-stream)', async () => {
    h.fake.enqueue(gemini.thought('Two and two make four.', 'Four.', { usage: { input: 8, output: 20, reasoning: 15 } }))
    const completion = await h.openai.chat.completions.create({
      model: 'google/gemini-2.5-flash',
      messages: [{ role: 'user', content: '2+2?' }],
      reasoning_effort: 'high',
    })
    expect(sent(h.fake).generationConfig).toEqual({ thinkingConfig: { thinkingBudget: 24576, includeThoughts: true } })
    const message = completion.choices[0].message as OpenAI.Chat.Completions.ChatCompletionMessage & { reasoning_content?: string }
    expect(message.reasoning_content).toBe('Two and two make four.')
    expect(message.content).toBe('Four.')
    expect(completion.usage).toMatchObject({ completion_tokens: 20, completion_tokens_details: { reasoning_tokens: 15 } })
  })

  it('gemini-3 takes a thinking level; streamed thoughts arrive as reasoning_content deltas before the text', async () => {
    h.fake.enqueue(gemini.thought('Considering the question.', 'Answer: four.', { usage: { input: 8, output: 20, reasoning: 15 } }))
    const stream = await h.openai.chat.completions.create({
      model: 'google/gemini-3-pro-preview',
      messages: [{ role: 'user', content: '2+2?' }],
      reasoning_effort: 'low',
      stream: true,
      stream_options: { include_usage: true },
    })
    const order: string[] = []
    let reasoning = ''
    let text = ''
    let reasoningTokens: number | undefined
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta as { content?: string | null; reasoning_content?: string } | undefined
      if (delta?.reasoning_content) {
        reasoning += delta.reasoning_content
        if (order.at(-1) !== 'reasoning') order.push('reasoning')
      }
      if (delta?.content) {
        text += delta.content
        if (order.at(-1) !== 'text') order.push('text')
      }
      if (chunk.usage) reasoningTokens = chunk.usage.completion_tokens_details?.reasoning_tokens
    }
    expect(sent(h.fake).generationConfig).toEqual({ thinkingConfig: { thinkingLevel: 'low', includeThoughts: true } })
    expect(order).toEqual(['reasoning', 'text'])
    expect(reasoning).toBe('Considering the question.')
    expect(text).toBe('Answer: four.')
    expect(reasoningTokens).toBe(15)
  })
})
