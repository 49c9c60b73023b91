/**
 * The official Anthropic SDK against a Gemini provider: text, streamed tool
 * use, thinking and a multi-turn gemini-3 tool conversation. Anthropic's
 * tool_use block has no place for Gemini's thought signature, so the gateway
 * carries it in the tool_use id (src/formats/anthropic/tool-id-signature.ts):
 * a client that sends the conversation back as usual sends the signature too.
 */
import type Anthropic from '@anthropic-ai/sdk'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { gemini } from '../support/fake-upstream.js'
import { sent, startHarness, type ProviderHarness } from './setup.js'

let h: ProviderHarness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.close())
afterEach(() => h.fake.reset())

type MessageParam = Anthropic.MessageParam

const weatherTool: Anthropic.Tool = {
  name: 'get_weather',
  description: 'Current weather for a city',
  input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
}
const timeTool: Anthropic.Tool = { name: 'get_time', input_schema: { type: 'object', properties: { zone: { type: 'string' } } } }

const usage = { input: 40, cacheRead: 10, output: 25, reasoning: 12 }
const expectedUsage = { input_tokens: 40, cache_read_input_tokens: 10, output_tokens: 25 }

describe('text', () => {
  it('non-stream: text, end_turn and usage; system becomes systemInstruction', async () => {
    h.fake.enqueue(gemini.text('Hallo Welt.', { usage }))
    const message = await h.anthropic.messages.create({
      model: 'google/gemini-2.5-flash',
      max_tokens: 512,
      system: [{ type: 'text', text: 'Answer in German.' }],
      messages: [{ role: 'user', content: 'Say hello' }],
      // The gateway still takes the sampling fields the current SDK types no longer list.
      ...({ temperature: 0.3 } as object),
    })
    expect(message.content).toEqual([{ type: 'text', text: 'Hallo Welt.' }])
    expect(message.stop_reason).toBe('end_turn')
    expect(message.usage).toMatchObject(expectedUsage)
    expect(sent(h.fake)).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'Say hello' }] }],
      systemInstruction: { parts: [{ text: 'Answer in German.' }] },
      generationConfig: { maxOutputTokens: 512, temperature: 0.3 },
    })
  })

  it('stream: text deltas as they come, then stop reason and usage in message_delta', async () => {
    h.fake.enqueue(gemini.text('one two three four five', { usage }))
    const stream = h.anthropic.messages.stream({ model: 'google/gemini-2.5-flash', max_tokens: 512, messages: [{ role: 'user', content: 'count' }] })
    const deltas: string[] = []
    stream.on('text', (text) => deltas.push(text))
    const message = await stream.finalMessage()
    expect(deltas.length).toBeGreaterThan(1)
    expect(deltas.join('')).toBe('one two three four five')
    expect(message.stop_reason).toBe('end_turn')
    expect(message.usage).toMatchObject(expectedUsage)
  })

  it('MAX_TOKENS becomes max_tokens', async () => {
    h.fake.enqueue(gemini.text('cut sh', { stop: 'length' }))
    const message = await h.anthropic.messages.create({ model: 'google/gemini-2.5-flash', max_tokens: 3, messages: [{ role: 'user', content: 'long' }] })
    expect(message.stop_reason).toBe('max_tokens')
  })
})

describe('tool use', () => {
  it('streamed parallel calls become tool_use blocks with stop_reason tool_use', async () => {
    h.fake.enqueue(
      gemini.functionCall(
        [
          { name: 'get_weather', args: { city: 'Paris' } },
          { name: 'get_time', args: { zone: 'Europe/Paris' } },
        ],
        { text: 'Checking both.', usage: { input: 30, output: 20 } },
      ),
    )
    const stream = h.anthropic.messages.stream({
      model: 'google/gemini-2.5-flash',
      max_tokens: 512,
      messages: [{ role: 'user', content: 'Weather and time in Paris?' }],
      tools: [weatherTool, timeTool],
    })
    const jsonDeltas: string[] = []
    stream.on('inputJson', (delta) => jsonDeltas.push(delta))
    const message = await stream.finalMessage()
    expect(message.content.map((b) => b.type)).toEqual(['text', 'tool_use', 'tool_use'])
    const uses = message.content.filter((b): b is Anthropic.ToolUseBlock => b.type === 'tool_use')
    expect(uses.map((u) => [u.name, u.input])).toEqual([
      ['get_weather', { city: 'Paris' }],
      ['get_time', { zone: 'Europe/Paris' }],
    ])
    // Gemini 2.5 signs nothing here: plain synthesized ids.
    for (const use of uses) expect(use.id).toMatch(/^call_[A-Za-z0-9_-]+_\d$/)
    expect(jsonDeltas.length).toBe(2)
    expect(message.stop_reason).toBe('tool_use')
    expect(message.usage).toMatchObject({ input_tokens: 30, output_tokens: 20 })
  })

  it('gemini-3: signatures ride in the tool_use ids and reach Gemini again on later turns', async () => {
    const model = 'google/gemini-3-pro-preview'
    const messages: MessageParam[] = [{ role: 'user', content: 'Weather and time in Paris?' }]
    const tools = [weatherTool, timeTool]

    // Turn 1, streamed: two parallel calls, the first signed.
    h.fake.enqueue(
      gemini.functionCall([
        { name: 'get_weather', args: { city: 'Paris' } },
        { name: 'get_time', args: { zone: 'Europe/Paris' } },
      ]),
    )
    const first = await h.anthropic.messages.stream({ model, max_tokens: 1024, messages, tools }).finalMessage()
    const [weather, time] = first.content as Anthropic.ToolUseBlock[]
    const upstreamFirst = h.fake.requests.length
    expect(weather.id).toMatch(/^call_[A-Za-z0-9_-]+_0__sig_b[A-Za-z0-9_-]+$/)
    expect(time.id).toMatch(/^call_[A-Za-z0-9_-]+_1$/)

    // Turn 2: the usual client loop — the assistant content as received, results (here reversed).
    messages.push({ role: 'assistant', content: first.content })
    messages.push({
      role: 'user',
      content: [
        { type: 'tool_result', tool_use_id: time.id, content: '{"time":"14:05"}' },
        { type: 'tool_result', tool_use_id: weather.id, content: [{ type: 'text', text: 'Sunny, 21°C' }] },
      ],
    })
    h.fake.enqueue(gemini.functionCall({ name: 'get_weather', args: { city: 'Lyon' } }, { text: 'Now Lyon.' }))
    const second = await h.anthropic.messages.create({ model, max_tokens: 1024, messages, tools })
    expect(h.fake.requests.length).toBe(upstreamFirst + 1)
    const body = sent(h.fake)
    const modelTurn = body.contents[1]
    expect(modelTurn.role).toBe('model')
    expect(modelTurn.parts[0].functionCall).toEqual({ name: 'get_weather', args: { city: 'Paris' } })
    // The signature Gemini issued (the fake verified it), not the placeholder for unsigned history.
    expect(modelTurn.parts[0].thoughtSignature).toMatch(/^[A-Za-z0-9+/]+=*$/)
    expect(modelTurn.parts[0].thoughtSignature).not.toBe('skip_thought_signature_validator')
    expect(modelTurn.parts[1]).toEqual({ functionCall: { name: 'get_time', args: { zone: 'Europe/Paris' } } })
    expect(body.contents[2].parts).toEqual([
      { functionResponse: { name: 'get_weather', response: { result: 'Sunny, 21°C' } } },
      { functionResponse: { name: 'get_time', response: { time: '14:05' } } },
    ])
    expect(second.content[0]).toEqual({ type: 'text', text: 'Now Lyon.' })
    const lyon = second.content[1] as Anthropic.ToolUseBlock
    expect(lyon.id).toContain('__sig_b')

    // Turn 3 (streamed): both earlier signatures go back; the answer ends the loop.
    messages.push({ role: 'assistant', content: second.content })
    messages.push({ role: 'user', content: [{ type: 'tool_result', tool_use_id: lyon.id, content: 'Rain, 15°C' }] })
    h.fake.enqueue(gemini.text('Paris is sunny, Lyon rainy.'))
    const third = await h.anthropic.messages.stream({ model, max_tokens: 1024, messages, tools }).finalMessage()
    expect(third.content).toEqual([{ type: 'text', text: 'Paris is sunny, Lyon rainy.' }])
    const contents = sent(h.fake).contents
    expect(contents[1].parts[0].thoughtSignature).toBe(modelTurn.parts[0].thoughtSignature)
    expect(contents[3].parts[1].thoughtSignature).toMatch(/^[A-Za-z0-9+/]+=*$/)
    expect(contents[3].parts[1].thoughtSignature).not.toBe(modelTurn.parts[0].thoughtSignature)
  })

  it('gemini-3: a tampered signature in the id is refused by Gemini, as an Anthropic 400', async () => {
    const model = 'google/gemini-3-pro-preview'
    h.fake.enqueue(gemini.functionCall({ name: 'get_weather', args: { city: 'Paris' } }))
    const first = await h.anthropic.messages.create({ model, max_tokens: 256, messages: [{ role: 'user', content: 'Weather?' }], tools: [weatherTool] })
    const use = first.content[0] as Anthropic.ToolUseBlock
    const forged = use.id.replace(/__sig_b.*/, '__sig_bZm9yZ2Vk')
    const error = await h.anthropic.messages
      .create({
        model,
        max_tokens: 256,
        tools: [weatherTool],
        messages: [
          { role: 'user', content: 'Weather?' },
          { role: 'assistant', content: [{ ...use, id: forged }] },
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: forged, content: 'Sunny' }] },
        ],
      })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 400, error: { type: 'error', error: { type: 'invalid_request_error' } } })
    expect(String((error as Error).message)).toMatch(/Corrupted thought signature/)
  })
})

describe('thinking', () => {
  it('thinking budget -> thinkingConfig; thought parts become a thinking block (non-stream)', async () => {
    h.fake.enqueue(gemini.thought('Two and two make four.', 'Four.', { usage: { input: 8, output: 20, reasoning: 15 } }))
    const message = await h.anthropic.messages.create({
      model: 'google/gemini-2.5-flash',
      max_tokens: 4096,
      thinking: { type: 'enabled', budget_tokens: 2048 },
      messages: [{ role: 'user', content: '2+2?' }],
    })
    expect(sent(h.fake).generationConfig).toEqual({ maxOutputTokens: 4096, thinkingConfig: { thinkingBudget: 2048, includeThoughts: true } })
    expect(message.content).toEqual([
      { type: 'thinking', thinking: 'Two and two make four.', signature: '' },
      { type: 'text', text: 'Four.' },
    ])
    expect(message.usage).toMatchObject({ input_tokens: 8, output_tokens: 20 })
  })

  it('streamed thinking arrives as thinking deltas before the text', async () => {
    h.fake.enqueue(gemini.thought('Considering the question.', 'Answer: four.'))
    const stream = h.anthropic.messages.stream({
      model: 'google/gemini-3-pro-preview',
      max_tokens: 4096,
      thinking: { type: 'enabled', budget_tokens: 3000 },
      messages: [{ role: 'user', content: '2+2?' }],
    })
    const order: string[] = []
    stream.on('thinking', () => order.at(-1) !== 'thinking' && order.push('thinking'))
    stream.on('text', () => order.at(-1) !== 'text' && order.push('text'))
    const message = await stream.finalMessage()
    // An explicit budget stays a budget on gemini-3 (Gemini accepts it there too).
    expect(sent(h.fake).generationConfig.thinkingConfig).toEqual({ thinkingBudget: 3000, includeThoughts: true })
    expect(order).toEqual(['thinking', 'text'])
    expect(message.content.map((b) => b.type)).toEqual(['thinking', 'text'])
    expect((message.content[0] as Anthropic.ThinkingBlock).thinking).toBe('Considering the question.')
    expect(message.stop_reason).toBe('end_turn')
  })

  it('thinking disabled asks Gemini for the least thinking the model allows', async () => {
    h.fake.enqueue(gemini.text('Four.'))
    await h.anthropic.messages.create({
      model: 'google/gemini-2.5-flash',
      max_tokens: 256,
      thinking: { type: 'disabled' },
      messages: [{ role: 'user', content: '2+2?' }],
    })
    expect(sent(h.fake).generationConfig).toEqual({ maxOutputTokens: 256, thinkingConfig: { thinkingBudget: 0 } })
  })
})
