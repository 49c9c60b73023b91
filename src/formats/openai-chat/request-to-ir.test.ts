import { describe, expect, it } from 'vitest'
import { fixtureJson } from '../../../test/fixtures/openai-chat/load.js'
import { GatewayError } from '../../ir/errors.js'
import type { IRRequest } from '../../ir/types.js'
import { requestToIR } from './request-to-ir.js'

function errorOf(body: unknown): GatewayError {
  try {
    requestToIR(body)
  } catch (error) {
    if (error instanceof GatewayError) return error
    throw error
  }
  throw new Error('expected requestToIR to throw')
}

const user = (content: unknown) => ({ role: 'user', content })
const body = (fields: Record<string, unknown>) => ({ model: 'gpt-4o', messages: [user('hi')], ...fields })

describe('requestToIR: the whole request', () => {
  it('parses a minimal request', () => {
    expect(requestToIR(fixtureJson('request/basic.json'))).toEqual({
      model: 'gpt-5-nano',
      system: [],
      messages: [{ role: 'user', parts: [{ type: 'text', text: 'Hello!' }] }],
      stream: false,
    } satisfies IRRequest)
  })

  it('parses an agent turn: system, images, thinking, parallel tool calls, merged tool results', () => {
    const ir = requestToIR(fixtureJson('request/agent-turn.json'))
    expect(ir.system).toEqual([
      { type: 'text', text: 'You are a careful travel assistant.' },
      { type: 'text', text: 'Always answer in metric units.' },
    ])
    expect(ir.messages).toEqual([
      {
        role: 'user',
        parts: [
          { type: 'text', text: 'What is the weather where these photos were taken?' },
          {
            type: 'image',
            source: {
              kind: 'base64',
              mediaType: 'image/png',
              data: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
            },
            detail: 'low',
          },
          { type: 'image', source: { kind: 'url', url: 'https://example.com/photos/harbour.jpg' } },
        ],
      },
      {
        role: 'assistant',
        parts: [
          { type: 'thinking', text: 'Photos look like Lisbon and Porto. I need the weather for both.', signature: 'ErUBCkYIBRgCIkBvS2xq3w7Hn1cUe8kZ' },
          { type: 'redacted_thinking', data: 'EmwKAhgBEgyVq4aT1mK0c9zZ2wYaDG' },
          { type: 'text', text: 'Let me check both cities.' },
          { type: 'tool_call', id: 'toolu_01A9xKq2WmR7', name: 'get_weather', input: { city: 'Lisbon' } },
          { type: 'tool_call', id: 'toolu_01B3yLr8XnS4', name: 'get_weather', input: { city: 'Porto', unit: 'celsius' } },
        ],
      },
      {
        role: 'user',
        parts: [
          { type: 'tool_result', callId: 'toolu_01A9xKq2WmR7', name: 'get_weather', content: [{ type: 'text', text: '22°C, sunny' }] },
          {
            type: 'tool_result',
            callId: 'toolu_01B3yLr8XnS4',
            name: 'get_weather',
            content: [
              { type: 'text', text: '18°C, ' },
              { type: 'text', text: 'light rain' },
            ],
          },
          { type: 'text', text: 'Which one is warmer?' },
        ],
      },
    ])
    expect(ir).toMatchObject({
      model: 'smart',
      tools: [
        {
          name: 'get_weather',
          description: 'Current weather for a city',
          inputSchema: { type: 'object', required: ['city'] },
          strict: true,
        },
      ],
      toolChoice: { type: 'auto' },
      parallelToolCalls: true,
      maxTokens: 2048,
      temperature: 0.3,
      topP: 0.9,
      stop: ['\n\nUser:'],
      reasoning: { enabled: true, effort: 'medium' },
      user: 'user-4821',
      seed: 7,
      frequencyPenalty: 0.1,
      presencePenalty: 0.2,
      stream: true,
      includeUsage: true,
    })
  })

  it('takes reasoning_content when there are no reasoning_details (DeepSeek clients)', () => {
    const ir = requestToIR(fixtureJson('request/deepseek-replay.json'))
    expect(ir.messages[1]).toEqual({
      role: 'assistant',
      parts: [
        { type: 'thinking', text: 'I should look up the weather in Lisbon.' },
        { type: 'tool_call', id: 'call_00_Qm3xVb8Nz2LpR5tY7wKc1HfD', name: 'get_weather', input: { city: 'Lisbon' } },
      ],
    })
    expect(ir.messages[2].parts).toEqual([
      { type: 'tool_result', callId: 'call_00_Qm3xVb8Nz2LpR5tY7wKc1HfD', name: 'get_weather', content: [{ type: 'text', text: '{"temp_c": 22, "sky": "clear"}' }] },
    ])
    expect(ir.maxTokens).toBe(1024)
    expect(ir.tools?.[0]).toEqual({ name: 'get_weather', inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } })
  })

  it('parses json_schema response formats, a forced tool, a string stop and reasoning_effort none; null means absent', () => {
    const ir = requestToIR(fixtureJson('request/json-schema.json'))
    expect(ir.responseFormat).toEqual({
      type: 'json_schema',
      name: 'person',
      description: 'A person record',
      strict: true,
      schema: {
        type: 'object',
        properties: { name: { type: 'string' }, age: { type: 'integer' }, city: { type: 'string' } },
        required: ['name', 'age', 'city'],
        additionalProperties: false,
      },
    })
    expect(ir.toolChoice).toEqual({ type: 'tool', name: 'extract' })
    expect(ir.stop).toEqual(['END'])
    expect(ir.n).toBe(1)
    expect(ir.reasoning).toEqual({ enabled: false })
    expect('temperature' in ir).toBe(false)
  })
})

describe('requestToIR: options', () => {
  it.each([
    { name: 'max_completion_tokens wins over max_tokens', fields: { max_tokens: 10, max_completion_tokens: 20 }, expected: { maxTokens: 20 } },
    { name: 'tool_choice none', fields: { tool_choice: 'none' }, expected: { toolChoice: { type: 'none' } } },
    { name: 'tool_choice required', fields: { tool_choice: 'required' }, expected: { toolChoice: { type: 'required' } } },
    { name: 'json_object', fields: { response_format: { type: 'json_object' } }, expected: { responseFormat: { type: 'json_object' } } },
    { name: 'text format', fields: { response_format: { type: 'text' } }, expected: { responseFormat: { type: 'text' } } },
    { name: 'effort minimal', fields: { reasoning_effort: 'minimal' }, expected: { reasoning: { enabled: true, effort: 'minimal' } } },
    { name: 'effort xhigh is the IR maximum', fields: { reasoning_effort: 'xhigh' }, expected: { reasoning: { enabled: true, effort: 'high' } } },
    {
      name: 'OpenRouter reasoning budget',
      fields: { reasoning: { max_tokens: 8000 } },
      expected: { reasoning: { enabled: true, budgetTokens: 8000 } },
    },
    {
      name: 'effort plus an OpenRouter budget',
      fields: { reasoning_effort: 'low', reasoning: { max_tokens: 2000 } },
      expected: { reasoning: { enabled: true, effort: 'low', budgetTokens: 2000 } },
    },
    { name: 'OpenRouter reasoning disabled', fields: { reasoning: { enabled: false } }, expected: { reasoning: { enabled: false } } },
    { name: 'include_usage ignored without stream', fields: { stream_options: { include_usage: true } }, expected: { stream: false } },
    { name: 'top_k kept', fields: { top_k: 40 }, expected: { topK: 40 } },
  ])('$name', ({ fields, expected }) => {
    expect(requestToIR(body(fields))).toMatchObject(expected)
  })

  it('does not set includeUsage without a stream', () => {
    expect(requestToIR(body({ stream_options: { include_usage: true } })).includeUsage).toBeUndefined()
  })

  it('gives a tool without parameters an empty object schema', () => {
    const ir = requestToIR(body({ tools: [{ type: 'function', function: { name: 'now' } }] }))
    expect(ir.tools).toEqual([{ name: 'now', inputSchema: { type: 'object', properties: {} } }])
  })

  it('ignores fields the IR has no place for', () => {
    expect(() => requestToIR(body({ logprobs: true, top_logprobs: 3, metadata: { a: 'b' }, store: true, service_tier: 'auto' }))).not.toThrow()
  })
})

describe('requestToIR: messages', () => {
  it('merges consecutive tool messages into one user turn, but keeps separate user messages apart', () => {
    const ir = requestToIR({
      model: 'm',
      messages: [
        user('first'),
        user('second'),
        { role: 'assistant', content: null, tool_calls: [{ id: 'a', type: 'function', function: { name: 'f', arguments: '' } }] },
        { role: 'tool', tool_call_id: 'a', content: 'done' },
        { role: 'tool', tool_call_id: 'unknown', content: 'orphan' },
        user('next'),
        user('after'),
      ],
    })
    expect(ir.messages).toEqual([
      { role: 'user', parts: [{ type: 'text', text: 'first' }] },
      { role: 'user', parts: [{ type: 'text', text: 'second' }] },
      { role: 'assistant', parts: [{ type: 'tool_call', id: 'a', name: 'f', input: {} }] },
      {
        role: 'user',
        parts: [
          { type: 'tool_result', callId: 'a', name: 'f', content: [{ type: 'text', text: 'done' }] },
          { type: 'tool_result', callId: 'unknown', content: [{ type: 'text', text: 'orphan' }] },
          { type: 'text', text: 'next' },
        ],
      },
      { role: 'user', parts: [{ type: 'text', text: 'after' }] },
    ])
  })

  it('collects system and developer messages from anywhere, in order', () => {
    const ir = requestToIR({
      model: 'm',
      messages: [{ role: 'developer', content: 'a' }, user('hi'), { role: 'system', content: [{ type: 'text', text: 'b' }] }],
    })
    expect(ir.system).toEqual([
      { type: 'text', text: 'a' },
      { type: 'text', text: 'b' },
    ])
    expect(ir.messages).toHaveLength(1)
  })

  it('reads assistant refusal parts and text parts as text', () => {
    const ir = requestToIR({
      model: 'm',
      messages: [user('q'), { role: 'assistant', content: [{ type: 'text', text: 'a' }, { type: 'refusal', refusal: 'no' }] }],
    })
    expect(ir.messages[1].parts).toEqual([
      { type: 'text', text: 'a' },
      { type: 'text', text: 'no' },
    ])
  })

  it('keeps cache_control hints and Gemini thought signatures clients carry back', () => {
    const ir = requestToIR({
      model: 'm',
      messages: [
        { role: 'system', content: [{ type: 'text', text: 'long prompt', cache_control: { type: 'ephemeral', ttl: '1h' } }] },
        user('q'),
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{}' }, extra_content: { google: { thought_signature: 'sig' } } }],
        },
      ],
    })
    expect(ir.system).toEqual([{ type: 'text', text: 'long prompt', cache: { type: 'ephemeral', ttl: '1h' } }])
    expect(ir.messages[1].parts).toEqual([{ type: 'tool_call', id: 'c1', name: 'f', input: {}, signature: 'sig' }])
  })

  it('answers a legacy function message with the matching function_call', () => {
    const ir = requestToIR({
      model: 'm',
      messages: [
        user('q'),
        { role: 'assistant', content: null, function_call: { name: 'lookup', arguments: '{"q":1}' } },
        { role: 'function', name: 'lookup', content: 'found' },
      ],
    })
    const call = ir.messages[1].parts[0]
    expect(call).toMatchObject({ type: 'tool_call', name: 'lookup', input: { q: 1 } })
    expect(ir.messages[2].parts[0]).toMatchObject({ type: 'tool_result', callId: (call as { id: string }).id, name: 'lookup' })
  })
})

describe('requestToIR: errors name the field', () => {
  it.each([
    {
      name: 'content of the wrong type',
      fields: { messages: [user('a'), { role: 'assistant', content: 'b' }, user(7)] },
      param: 'messages[2].content',
      message: "Invalid type for 'messages[2].content': expected one of a string or array of objects, but got an integer instead.",
    },
    { name: 'missing user content', fields: { messages: [{ role: 'user' }] }, param: 'messages[0].content' },
    { name: 'audio parts', fields: { messages: [user([{ type: 'input_audio', input_audio: { data: 'x', format: 'wav' } }])] }, param: 'messages[0].content[0].type' },
    { name: 'file parts', fields: { messages: [user([{ type: 'file', file: { file_id: 'f' } }])] }, param: 'messages[0].content[0].type' },
    { name: 'unknown part types', fields: { messages: [user([{ type: 'video' }])] }, param: 'messages[0].content[0].type' },
    { name: 'images in system messages', fields: { messages: [{ role: 'system', content: [{ type: 'image_url', image_url: { url: 'https://x/y.png' } }] }] }, param: 'messages[0].content[0].type' },
    { name: 'a text part without text', fields: { messages: [user([{ type: 'text' }])] }, param: 'messages[0].content[0].text' },
    { name: 'an image URL that is neither http nor data', fields: { messages: [user([{ type: 'image_url', image_url: { url: 'file:///etc/passwd' } }])] }, param: 'messages[0].content[0].image_url.url' },
    { name: 'a data URL that is not base64', fields: { messages: [user([{ type: 'image_url', image_url: { url: 'data:image/png,abc' } }])] }, param: 'messages[0].content[0].image_url.url' },
    { name: 'a bad image detail', fields: { messages: [user([{ type: 'image_url', image_url: { url: 'https://x/y.png', detail: 'max' } }])] }, param: 'messages[0].content[0].image_url.detail' },
    {
      name: 'tool call arguments that are not JSON',
      fields: { messages: [user('a'), { role: 'assistant', tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{"a":' } }] }] },
      param: 'messages[1].tool_calls[0].function.arguments',
    },
    { name: 'a tool call without id', fields: { messages: [user('a'), { role: 'assistant', tool_calls: [{ type: 'function', function: { name: 'f', arguments: '{}' } }] }] }, param: 'messages[1].tool_calls[0].id' },
    { name: 'a tool message without tool_call_id', fields: { messages: [user('a'), { role: 'tool', content: 'x' }] }, param: 'messages[1].tool_call_id' },
    { name: 'reasoning_details that is not an array', fields: { messages: [user('a'), { role: 'assistant', content: 'b', reasoning_details: 'x' }] }, param: 'messages[1].reasoning_details' },
    { name: 'encrypted reasoning without data', fields: { messages: [user('a'), { role: 'assistant', content: 'b', reasoning_details: [{ type: 'reasoning.encrypted' }] }] }, param: 'messages[1].reasoning_details[0].data' },
    { name: 'temperature as a string', fields: { temperature: 'warm' }, param: 'temperature', message: "Invalid type for 'temperature': expected a number, but got a string instead." },
    { name: 'max_tokens as a decimal', fields: { max_tokens: 1.5 }, param: 'max_tokens', message: "Invalid type for 'max_tokens': expected an integer, but got a decimal instead." },
    { name: 'max_tokens of zero', fields: { max_tokens: 0 }, param: 'max_tokens' },
    { name: 'stop with a number inside', fields: { stop: ['a', 1] }, param: 'stop[1]' },
    { name: 'tools not an array', fields: { tools: {} }, param: 'tools' },
    { name: 'custom tools', fields: { tools: [{ type: 'custom', custom: { name: 'x' } }] }, param: 'tools[0].type' },
    { name: 'a tool without name', fields: { tools: [{ type: 'function', function: {} }] }, param: 'tools[0].function.name' },
    {
      name: 'an unknown tool_choice',
      fields: { tool_choice: 'any' },
      param: 'tool_choice',
      message: "Invalid value: 'any'. Supported values are: 'none', 'auto', and 'required'.",
    },
    { name: 'a tool_choice without a function name', fields: { tool_choice: { type: 'function', function: {} } }, param: 'tool_choice.function.name' },
    { name: 'an unknown response_format', fields: { response_format: { type: 'yaml' } }, param: 'response_format.type' },
    { name: 'a json_schema without name', fields: { response_format: { type: 'json_schema', json_schema: { schema: {} } } }, param: 'response_format.json_schema.name' },
    { name: 'an unknown reasoning_effort', fields: { reasoning_effort: 'extreme' }, param: 'reasoning_effort' },
    { name: 'include_usage not a boolean', fields: { stream: true, stream_options: { include_usage: 'yes' } }, param: 'stream_options.include_usage' },
    { name: 'n as a string', fields: { n: '2' }, param: 'n' },
    { name: 'user as a number', fields: { user: 5 }, param: 'user' },
  ])('$name', ({ fields, param, message }) => {
    const error = errorOf(body(fields))
    expect(error.kind).toBe('invalid_request')
    expect(error.param).toBe(param)
    if (message) expect(error.message).toBe(message)
    expect(error.message).not.toMatch(/undefined|\[object/)
  })
})
