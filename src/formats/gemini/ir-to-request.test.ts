import { describe, expect, it } from 'vitest'
import { fixtureJson } from '../../../test/fixtures/gemini/load.js'
import type { IRRequest, Message, ToolResultPart } from '../../ir/types.js'
import { SKIP_SIGNATURE_VALIDATOR } from './ir-to-contents.js'
import { requestFromIR } from './ir-to-request.js'
import { responseToIR } from './response-to-ir.js'

function irRequest(overrides: Partial<IRRequest> = {}): IRRequest {
  return {
    model: 'gemini-2.5-flash',
    system: [],
    messages: [{ role: 'user', parts: [{ type: 'text', text: 'Hello' }] }],
    stream: false,
    ...overrides,
  }
}

const weatherTool = {
  name: 'get_weather',
  description: 'Current weather for a city',
  inputSchema: {
    type: 'object',
    properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
    required: ['city'],
    additionalProperties: false,
    $schema: 'http://json-schema.org/draft-07/schema#',
  },
}

describe('Gemini requestFromIR: body shape', () => {
  it('maps system, sampling options, stop sequences, n, seed and penalties', () => {
    const body = requestFromIR(
      irRequest({
        system: [{ type: 'text', text: 'Be terse.' }, { type: 'text', text: 'Answer in French.' }],
        maxTokens: 256,
        temperature: 0.4,
        topP: 0.9,
        topK: 40,
        stop: ['END'],
        n: 2,
        seed: 7,
        presencePenalty: 0.5,
        frequencyPenalty: 0.25,
        user: 'user-123',
        parallelToolCalls: false,
      }),
      { model: 'gemini-2.5-flash', defaultMaxTokens: 4096 },
    )
    expect(body).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'Hello' }] }],
      systemInstruction: { parts: [{ text: 'Be terse.' }, { text: 'Answer in French.' }] },
      generationConfig: {
        maxOutputTokens: 256,
        temperature: 0.4,
        topP: 0.9,
        topK: 40,
        stopSequences: ['END'],
        candidateCount: 2,
        seed: 7,
        presencePenalty: 0.5,
        frequencyPenalty: 0.25,
      },
    })
  })

  it('adds no generationConfig (and no default max tokens) when nothing is set', () => {
    const body = requestFromIR(irRequest(), { model: 'gemini-2.5-flash', defaultMaxTokens: 4096 })
    expect(body).toEqual({ contents: [{ role: 'user', parts: [{ text: 'Hello' }] }] })
  })

  it('declares tools with cleaned schemas and omits parameters for argument-less tools', () => {
    const body = requestFromIR(
      irRequest({ tools: [weatherTool, { name: 'list_alerts', inputSchema: { type: 'object', properties: {} } }] }),
      { model: 'gemini-2.5-flash' },
    )
    expect(body.tools).toEqual([
      {
        functionDeclarations: [
          {
            name: 'get_weather',
            description: 'Current weather for a city',
            parameters: {
              type: 'object',
              properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
              required: ['city'],
            },
          },
          { name: 'list_alerts' },
        ],
      },
    ])
    expect(body.toolConfig).toBeUndefined()
  })

  it.each([
    [{ type: 'auto' }, { mode: 'AUTO' }],
    [{ type: 'none' }, { mode: 'NONE' }],
    [{ type: 'required' }, { mode: 'ANY' }],
    [{ type: 'tool', name: 'get_weather' }, { mode: 'ANY', allowedFunctionNames: ['get_weather'] }],
  ] as const)('tool choice %j -> functionCallingConfig %j', (toolChoice, expected) => {
    const body = requestFromIR(irRequest({ tools: [weatherTool], toolChoice }), { model: 'gemini-2.5-flash' })
    expect(body.toolConfig).toEqual({ functionCallingConfig: expected })
  })

  it.each([
    [{ type: 'json_object' }, { responseMimeType: 'application/json' }],
    [
      {
        type: 'json_schema',
        name: 'person',
        schema: { type: 'object', properties: { name: { type: 'string' }, age: { type: ['integer', 'null'] } }, required: ['name'], additionalProperties: false },
      },
      {
        responseMimeType: 'application/json',
        responseSchema: { type: 'object', properties: { name: { type: 'string' }, age: { type: 'integer', nullable: true } }, required: ['name'] },
      },
    ],
    [{ type: 'json_schema', schema: { type: 'object', additionalProperties: true } }, { responseMimeType: 'application/json' }],
    [{ type: 'text' }, undefined],
  ] as const)('response format %j', (responseFormat, expected) => {
    const body = requestFromIR(irRequest({ responseFormat }), { model: 'gemini-2.5-flash' })
    expect(body.generationConfig).toEqual(expected)
  })

  it('puts thinkingConfig inside generationConfig', () => {
    const body = requestFromIR(irRequest({ reasoning: { enabled: true, budgetTokens: 2048 } }), { model: 'gemini-2.5-flash' })
    expect(body.generationConfig).toEqual({ thinkingConfig: { thinkingBudget: 2048, includeThoughts: true } })
  })
})

describe('Gemini requestFromIR: contents', () => {
  it('maps images: base64 and data URLs inline, http URLs as fileData with a guessed type', () => {
    const body = requestFromIR(
      irRequest({
        messages: [
          {
            role: 'user',
            parts: [
              { type: 'text', text: 'Compare these' },
              { type: 'image', source: { kind: 'base64', mediaType: 'image/png', data: 'iVBORw0KGgo=' } },
              { type: 'image', source: { kind: 'url', url: 'data:image/webp;base64,UklGRg==' } },
              { type: 'image', source: { kind: 'url', url: 'https://example.com/cats/tabby.JPG?size=large' } },
              { type: 'image', source: { kind: 'url', url: 'https://example.com/render' } },
            ],
          },
        ],
      }),
      { model: 'gemini-2.5-flash' },
    )
    expect(body.contents[0].parts).toEqual([
      { text: 'Compare these' },
      { inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' } },
      { inlineData: { mimeType: 'image/webp', data: 'UklGRg==' } },
      { fileData: { mimeType: 'image/jpeg', fileUri: 'https://example.com/cats/tabby.JPG?size=large' } },
      { fileData: { fileUri: 'https://example.com/render' } },
    ])
  })

  it('merges consecutive same-role turns and drops turns left empty', () => {
    const messages: Message[] = [
      { role: 'user', parts: [{ type: 'text', text: 'a' }] },
      { role: 'user', parts: [{ type: 'text', text: 'b' }] },
      { role: 'assistant', parts: [{ type: 'thinking', text: 'unsigned musing' }, { type: 'redacted_thinking', data: 'xyz' }] },
      { role: 'user', parts: [{ type: 'text', text: 'c' }] },
    ]
    const body = requestFromIR(irRequest({ messages }), { model: 'gemini-2.5-flash' })
    expect(body.contents).toEqual([{ role: 'user', parts: [{ text: 'a' }, { text: 'b' }, { text: 'c' }] }])
  })

  it('multi-turn tool use: the call keeps its signature, the result is named after its call', () => {
    // The first turn is exactly what responseToIR made of a recorded-style gemini-3 tool call.
    const assistant = responseToIR(fixtureJson('tool-call-gemini3.json'))
    const call = assistant.content[0]
    if (call.type !== 'tool_call') throw new Error('fixture should hold a tool call')
    const messages: Message[] = [
      { role: 'user', parts: [{ type: 'text', text: 'Weather in Lisbon?' }] },
      { role: 'assistant', parts: assistant.content },
      {
        role: 'user',
        parts: [{ type: 'tool_result', callId: call.id, content: [{ type: 'text', text: '{"tempC":21,"sky":"clear"}' }] }],
      },
    ]
    const body = requestFromIR(irRequest({ model: 'gemini-3-pro-preview', messages, tools: [weatherTool] }), {
      model: 'gemini-3-pro-preview',
    })
    expect(body.contents).toEqual([
      { role: 'user', parts: [{ text: 'Weather in Lisbon?' }] },
      {
        role: 'model',
        parts: [{ functionCall: { name: 'get_weather', args: { city: 'Lisbon', unit: 'celsius' } }, thoughtSignature: call.signature }],
      },
      { role: 'user', parts: [{ functionResponse: { name: 'get_weather', response: { tempC: 21, sky: 'clear' } } }] },
    ])
  })

  const resultCases: Array<[string, Omit<ToolResultPart, 'type' | 'callId'>, Record<string, unknown>]> = [
    ['plain text', { content: [{ type: 'text', text: '21C and clear' }] }, { result: '21C and clear' }],
    ['JSON array text stays text', { content: [{ type: 'text', text: '[1,2]' }] }, { result: '[1,2]' }],
    ['several text blocks', { content: [{ type: 'text', text: 'line 1' }, { type: 'text', text: 'line 2' }] }, { result: 'line 1\nline 2' }],
    ['error', { content: [{ type: 'text', text: 'city not found' }], isError: true }, { error: 'city not found' }],
    ['explicit name wins', { name: 'weather_v2', content: [] }, { result: '' }],
  ]

  it.each(resultCases)('tool result: %s', (_name, result, response) => {
    const messages: Message[] = [
      { role: 'assistant', parts: [{ type: 'tool_call', id: 'call_1', name: 'get_weather', input: { city: 'Oslo' } }] },
      { role: 'user', parts: [{ type: 'tool_result', callId: 'call_1', ...result }] },
    ]
    const body = requestFromIR(irRequest({ messages }), { model: 'gemini-2.5-flash' })
    const name = result.name ?? 'get_weather'
    expect(body.contents[1].parts[0]).toEqual({ functionResponse: { name, response } })
  })

  it('parallel results go back in the order of their calls, whatever order the client used', () => {
    const call = (id: string, name: string) => ({ type: 'tool_call' as const, id, name, input: { q: id } })
    const result = (callId: string, text: string): ToolResultPart => ({ type: 'tool_result', callId, content: [{ type: 'text', text }] })
    const messages: Message[] = [
      { role: 'assistant', parts: [call('a', 'search'), call('b', 'fetch'), call('c', 'search')] },
      { role: 'user', parts: [result('c', 'third'), { type: 'text', text: 'go on' }, result('a', 'first'), result('b', 'second')] },
    ]
    const body = requestFromIR(irRequest({ messages }), { model: 'gemini-2.5-flash' })
    expect(body.contents[1].parts).toEqual([
      { functionResponse: { name: 'search', response: { result: 'first' } } },
      { text: 'go on' },
      { functionResponse: { name: 'fetch', response: { result: 'second' } } },
      { functionResponse: { name: 'search', response: { result: 'third' } } },
    ])
  })

  it('tool result images follow the functionResponse as inline parts', () => {
    const messages: Message[] = [
      { role: 'assistant', parts: [{ type: 'tool_call', id: 'c1', name: 'screenshot', input: {} }] },
      {
        role: 'user',
        parts: [
          {
            type: 'tool_result',
            callId: 'c1',
            content: [
              { type: 'text', text: 'captured' },
              { type: 'image', source: { kind: 'base64', mediaType: 'image/png', data: 'AAAA' } },
            ],
          },
        ],
      },
    ]
    const body = requestFromIR(irRequest({ messages }), { model: 'gemini-2.5-flash' })
    expect(body.contents[1].parts).toEqual([
      { functionResponse: { name: 'screenshot', response: { result: 'captured' } } },
      { inlineData: { mimeType: 'image/png', data: 'AAAA' } },
    ])
  })

  it('signed thinking and signed text go back with their signatures; user-side signatures do not', () => {
    const messages: Message[] = [
      { role: 'user', parts: [{ type: 'text', text: 'q', signature: 'ignored' }] },
      {
        role: 'assistant',
        parts: [
          { type: 'thinking', text: 'Let me count.', signature: 'sig-think' },
          { type: 'text', text: 'Three.', signature: 'sig-text' },
          { type: 'thinking', text: '', signature: 'sig-trailing' },
        ],
      },
    ]
    const body = requestFromIR(irRequest({ messages }), { model: 'gemini-2.5-flash' })
    expect(body.contents).toEqual([
      { role: 'user', parts: [{ text: 'q' }] },
      {
        role: 'model',
        parts: [
          { text: 'Let me count.', thought: true, thoughtSignature: 'sig-think' },
          { text: 'Three.', thoughtSignature: 'sig-text' },
          { text: '', thought: true, thoughtSignature: 'sig-trailing' },
        ],
      },
    ])
  })

  it('gemini-3: an unsigned step (history from another model) gets the documented placeholder on its first call', () => {
    const messages: Message[] = [
      { role: 'user', parts: [{ type: 'text', text: 'Weather in Oslo and Bergen?' }] },
      {
        role: 'assistant',
        parts: [
          { type: 'tool_call', id: 'toolu_01', name: 'get_weather', input: { city: 'Oslo' } },
          { type: 'tool_call', id: 'toolu_02', name: 'get_weather', input: { city: 'Bergen' } },
        ],
      },
      {
        role: 'user',
        parts: [
          { type: 'tool_result', callId: 'toolu_01', content: [{ type: 'text', text: '3C' }] },
          { type: 'tool_result', callId: 'toolu_02', content: [{ type: 'text', text: '5C' }] },
        ],
      },
    ]
    const gemini3 = requestFromIR(irRequest({ messages }), { model: 'gemini-3-flash-preview' })
    expect(gemini3.contents[1].parts.map((part) => part.thoughtSignature)).toEqual([SKIP_SIGNATURE_VALIDATOR, undefined])
    const gemini25 = requestFromIR(irRequest({ messages }), { model: 'gemini-2.5-flash' })
    expect(gemini25.contents[1].parts.map((part) => part.thoughtSignature)).toEqual([undefined, undefined])
  })

  it('tool call input given as a JSON string is sent as an object', () => {
    const messages: Message[] = [{ role: 'assistant', parts: [{ type: 'tool_call', id: 'c', name: 'f', input: '{"a":1}' }] }]
    const body = requestFromIR(irRequest({ messages }), { model: 'gemini-2.5-flash' })
    expect(body.contents[0].parts[0]).toEqual({ functionCall: { name: 'f', args: { a: 1 } } })
  })
})
