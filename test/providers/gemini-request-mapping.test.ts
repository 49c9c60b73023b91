/**
 * What Gemini receives when either client format asks: inline images,
 * generationConfig, tools whose JSON Schema (as zod and pydantic emit it) is
 * cleaned to Gemini's Schema subset, toolConfig from tool_choice, and
 * structured output.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { gemini } from '../support/fake-upstream.js'
import { PNG_BASE64, sent, startHarness, type ProviderHarness } from './setup.js'

let h: ProviderHarness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.close())
afterEach(() => h.fake.reset())

const MODEL = 'google/gemini-2.5-flash'

/** A tool schema the way zod-to-json-schema / pydantic write one: $schema, $defs + $ref, additionalProperties, exclusiveMinimum, anyOf-with-null. */
const bookingSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  $defs: {
    Guest: {
      type: 'object',
      properties: {
        name: { type: 'string', minLength: 1 },
        email: { type: 'string', format: 'email' },
      },
      required: ['name'],
      additionalProperties: false,
    },
  },
  properties: {
    hotel: { type: 'string', description: 'Hotel id' },
    nights: { type: 'integer', exclusiveMinimum: 0, maximum: 30 },
    guests: { type: 'array', items: { $ref: '#/$defs/Guest' }, minItems: 1 },
    note: { anyOf: [{ type: 'string' }, { type: 'null' }], default: null },
    checkIn: { type: 'string', format: 'date-time' },
  },
  required: ['hotel', 'nights', 'guests'],
  additionalProperties: false,
}

/** What Gemini accepts for it. */
const cleanedBookingSchema = {
  type: 'object',
  properties: {
    hotel: { type: 'string', description: 'Hotel id' },
    nights: { type: 'integer', maximum: 30 },
    guests: {
      type: 'array',
      items: { type: 'object', properties: { name: { type: 'string', minLength: 1 }, email: { type: 'string' } }, required: ['name'] },
      minItems: 1,
    },
    note: { type: 'string', default: null, nullable: true },
    checkIn: { type: 'string', format: 'date-time' },
  },
  required: ['hotel', 'nights', 'guests'],
}

describe('OpenAI client -> Gemini request', () => {
  it('user images go inline (data URL) or by reference (http URL)', async () => {
    h.fake.enqueue(gemini.text('A dot.'))
    await h.openai.chat.completions.create({
      model: MODEL,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What are these?' },
            { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_BASE64}` } },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg' } },
          ],
        },
      ],
    })
    expect(sent(h.fake).contents).toEqual([
      {
        role: 'user',
        parts: [
          { text: 'What are these?' },
          { inlineData: { mimeType: 'image/png', data: PNG_BASE64 } },
          { fileData: { mimeType: 'image/jpeg', fileUri: 'https://example.com/cat.jpg' } },
        ],
      },
    ])
  })

  it('sampling options map onto generationConfig', async () => {
    h.fake.enqueue(gemini.text('ok'))
    await h.openai.chat.completions.create({
      model: MODEL,
      messages: [{ role: 'user', content: 'hi' }],
      max_completion_tokens: 200,
      temperature: 0.2,
      top_p: 0.8,
      stop: ['END', 'STOP'],
      seed: 7,
      presence_penalty: 0.5,
      frequency_penalty: 0.25,
    })
    expect(sent(h.fake).generationConfig).toEqual({
      maxOutputTokens: 200,
      temperature: 0.2,
      topP: 0.8,
      stopSequences: ['END', 'STOP'],
      seed: 7,
      presencePenalty: 0.5,
      frequencyPenalty: 0.25,
    })
  })

  it('a zod/pydantic-style tool schema arrives cleaned; named tool_choice -> ANY with that function allowed', async () => {
    h.fake.enqueue(gemini.functionCall({ name: 'book_hotel', args: { hotel: 'h1', nights: 2, guests: [{ name: 'Ada' }] } }))
    const completion = await h.openai.chat.completions.create({
      model: MODEL,
      messages: [{ role: 'user', content: 'Book h1 for Ada, 2 nights' }],
      tools: [{ type: 'function', function: { name: 'book_hotel', description: 'Book a room', parameters: bookingSchema, strict: true } }],
      tool_choice: { type: 'function', function: { name: 'book_hotel' } },
    })
    expect(sent(h.fake).tools).toEqual([{ functionDeclarations: [{ name: 'book_hotel', description: 'Book a room', parameters: cleanedBookingSchema }] }])
    expect(sent(h.fake).toolConfig).toEqual({ functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['book_hotel'] } })
    expect(completion.choices[0].finish_reason).toBe('tool_calls')
  })

  it.each([
    ['auto', { mode: 'AUTO' }],
    ['none', { mode: 'NONE' }],
    ['required', { mode: 'ANY' }],
  ] as const)('tool_choice %s -> functionCallingConfig %o', async (choice, config) => {
    h.fake.enqueue(gemini.text('ok'))
    await h.openai.chat.completions.create({
      model: MODEL,
      messages: [{ role: 'user', content: 'hi' }],
      tools: [{ type: 'function', function: { name: 'noop', parameters: { type: 'object', properties: {} } } }],
      tool_choice: choice,
    })
    // An argument-less tool is declared without parameters (Gemini rejects an empty OBJECT).
    expect(sent(h.fake).tools).toEqual([{ functionDeclarations: [{ name: 'noop' }] }])
    expect(sent(h.fake).toolConfig).toEqual({ functionCallingConfig: config })
  })

  it('response_format json_schema -> responseMimeType + cleaned responseSchema', async () => {
    h.fake.enqueue(gemini.text('{"hotel":"h1","nights":2,"guests":[]}'))
    await h.openai.chat.completions.create({
      model: MODEL,
      messages: [{ role: 'user', content: 'as JSON' }],
      response_format: { type: 'json_schema', json_schema: { name: 'booking', schema: bookingSchema, strict: true } },
    })
    expect(sent(h.fake).generationConfig).toEqual({ responseMimeType: 'application/json', responseSchema: cleanedBookingSchema })
  })
})

describe('Anthropic client -> Gemini request', () => {
  it('base64 and URL image blocks, system blocks joined as systemInstruction parts, stop_sequences and top_k', async () => {
    h.fake.enqueue(gemini.text('A dot.'))
    await h.anthropic.messages.create({
      model: MODEL,
      max_tokens: 300,
      system: [
        { type: 'text', text: 'You describe images.' },
        { type: 'text', text: 'Be brief.', cache_control: { type: 'ephemeral' } },
      ],
      stop_sequences: ['###'],
      // The gateway still takes the sampling fields the current SDK types no longer list.
      ...({ top_k: 20, top_p: 0.9 } as object),
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG_BASE64 } },
            { type: 'image', source: { type: 'url', url: 'https://example.com/photo.webp' } },
            { type: 'text', text: 'What are these?' },
          ],
        },
      ],
    })
    const body = sent(h.fake)
    expect(body.systemInstruction).toEqual({ parts: [{ text: 'You describe images.' }, { text: 'Be brief.' }] })
    expect(body.contents[0].parts).toEqual([
      { inlineData: { mimeType: 'image/png', data: PNG_BASE64 } },
      { fileData: { mimeType: 'image/webp', fileUri: 'https://example.com/photo.webp' } },
      { text: 'What are these?' },
    ])
    expect(body.generationConfig).toEqual({ maxOutputTokens: 300, topP: 0.9, topK: 20, stopSequences: ['###'] })
  })

  it('tools with a pydantic-style schema arrive cleaned; tool_choice any / tool / none map to toolConfig', async () => {
    const tools = [{ name: 'book_hotel', description: 'Book a room', input_schema: bookingSchema as { type: 'object' } }]
    const cases = [
      [{ type: 'any' }, { mode: 'ANY' }],
      [{ type: 'tool', name: 'book_hotel' }, { mode: 'ANY', allowedFunctionNames: ['book_hotel'] }],
      [{ type: 'none' }, { mode: 'NONE' }],
      [{ type: 'auto' }, { mode: 'AUTO' }],
    ] as const
    for (const [choice, config] of cases) {
      h.fake.enqueue(gemini.text('ok'))
      await h.anthropic.messages.create({ model: MODEL, max_tokens: 100, tools, tool_choice: choice, messages: [{ role: 'user', content: 'Book it' }] })
      expect(sent(h.fake).tools).toEqual([{ functionDeclarations: [{ name: 'book_hotel', description: 'Book a room', parameters: cleanedBookingSchema }] }])
      expect(sent(h.fake).toolConfig).toEqual({ functionCallingConfig: config })
    }
  })

  it('a tool result with an image: functionResponse, then the image inline', async () => {
    h.fake.enqueue(gemini.text('I see the chart.'))
    await h.anthropic.messages.create({
      model: MODEL,
      max_tokens: 100,
      tools: [{ name: 'screenshot', input_schema: { type: 'object', properties: {} } }],
      messages: [
        { role: 'user', content: 'Take a screenshot' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'call_x_0', name: 'screenshot', input: {} }] },
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: 'call_x_0',
              content: [
                { type: 'text', text: 'captured' },
                { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG_BASE64 } },
              ],
            },
          ],
        },
      ],
    })
    expect(sent(h.fake).contents.slice(1)).toEqual([
      { role: 'model', parts: [{ functionCall: { name: 'screenshot', args: {} } }] },
      {
        role: 'user',
        parts: [{ functionResponse: { name: 'screenshot', response: { result: 'captured' } } }, { inlineData: { mimeType: 'image/png', data: PNG_BASE64 } }],
      },
    ])
  })
})
