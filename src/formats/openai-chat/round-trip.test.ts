/**
 * OpenAI request -> IR -> OpenAI request keeps the meaning: the same turns,
 * tool calls, results and options, up to the normalisations the provider side
 * makes on purpose (system text joined into one message, thinking dropped for
 * services that do not take it back, max_completion_tokens sent as max_tokens).
 */
import { describe, expect, it } from 'vitest'
import { fixtureJson } from '../../../test/fixtures/openai-chat/load.js'
import { requestFromIR } from './ir-to-request.js'
import { requestToIR } from './request-to-ir.js'

function roundTrip(body: unknown, quirks = {}) {
  const ir = requestToIR(body)
  return requestFromIR(ir, { model: ir.model, quirks })
}

describe('OpenAI request -> IR -> OpenAI request', () => {
  it('keeps an agent turn', () => {
    expect(roundTrip(fixtureJson('request/agent-turn.json'))).toEqual({
      model: 'smart',
      messages: [
        { role: 'system', content: 'You are a careful travel assistant.\n\nAlways answer in metric units.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is the weather where these photos were taken?' },
            {
              type: 'image_url',
              image_url: {
                url: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
                detail: 'low',
              },
            },
            { type: 'image_url', image_url: { url: 'https://example.com/photos/harbour.jpg' } },
          ],
        },
        {
          role: 'assistant',
          content: 'Let me check both cities.',
          tool_calls: [
            { id: 'toolu_01A9xKq2WmR7', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Lisbon"}' } },
            { id: 'toolu_01B3yLr8XnS4', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Porto","unit":"celsius"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'toolu_01A9xKq2WmR7', content: '22°C, sunny' },
        // Text parts of one result are joined with a newline.
        { role: 'tool', tool_call_id: 'toolu_01B3yLr8XnS4', content: '18°C, \nlight rain' },
        { role: 'user', content: 'Which one is warmer?' },
      ],
      tools: [
        {
          type: 'function',
          function: {
            name: 'get_weather',
            description: 'Current weather for a city',
            parameters: {
              type: 'object',
              properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
              required: ['city'],
              additionalProperties: false,
            },
            strict: true,
          },
        },
      ],
      tool_choice: 'auto',
      parallel_tool_calls: true,
      max_tokens: 2048,
      temperature: 0.3,
      top_p: 0.9,
      stop: ['\n\nUser:'],
      reasoning_effort: 'medium',
      user: 'user-4821',
      seed: 7,
      frequency_penalty: 0.1,
      presence_penalty: 0.2,
      stream: true,
      stream_options: { include_usage: true },
    })
  })

  it('keeps DeepSeek thinking for services that take it back', () => {
    const body = roundTrip(fixtureJson('request/deepseek-replay.json'), { reasoningContentInput: true })
    expect(body.messages).toEqual([
      { role: 'user', content: "What's the weather in Lisbon?" },
      {
        role: 'assistant',
        content: null,
        reasoning_content: 'I should look up the weather in Lisbon.',
        tool_calls: [{ id: 'call_00_Qm3xVb8Nz2LpR5tY7wKc1HfD', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Lisbon"}' } }],
      },
      { role: 'tool', tool_call_id: 'call_00_Qm3xVb8Nz2LpR5tY7wKc1HfD', content: '{"temp_c": 22, "sky": "clear"}' },
    ])
    expect(body.max_tokens).toBe(1024)
  })

  it('keeps structured output and a forced tool', () => {
    const original = fixtureJson<Record<string, unknown>>('request/json-schema.json')
    const body = roundTrip(original)
    expect(body.response_format).toEqual(original.response_format)
    expect(body.tool_choice).toEqual(original.tool_choice)
    expect(body.stop).toEqual(['END'])
    // Disabled reasoning is left to the service's default: models without reasoning reject any reasoning_effort.
    expect(body).not.toHaveProperty('reasoning_effort')
  })

  it.each(['request/basic.json', 'request/agent-turn.json', 'request/deepseek-replay.json', 'request/json-schema.json'])('is stable after one pass: %s', (name) => {
    const once = roundTrip(fixtureJson(name))
    expect(roundTrip(once)).toEqual(once)
  })
})
