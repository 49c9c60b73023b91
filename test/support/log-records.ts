/**
 * Realistic traffic-log records for the log's tests: an OpenAI-format call with
 * a tool round trip and an Anthropic-format call with thinking, plus a
 * factory for metadata variations.
 */
import type { LogRecord } from '../../src/log/record.js'

export const openaiRequest = {
  model: 'fast',
  messages: [
    { role: 'system', content: 'You are a terse assistant.' },
    { role: 'user', content: 'What is the weather in Paris?' },
    {
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 'call_Qx81', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }],
    },
    { role: 'tool', tool_call_id: 'call_Qx81', content: '{"temp_c":12,"sky":"overcast"}' },
  ],
  tools: [
    {
      type: 'function',
      function: { name: 'get_weather', description: 'Current weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
    },
  ],
  temperature: 0.2,
  stream: false,
}

export const openaiResponse = {
  id: 'chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG',
  object: 'chat.completion',
  created: 1764111600,
  model: 'llama-3.3-70b-versatile',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Paris: 12 °C and overcast.', refusal: null }, logprobs: null, finish_reason: 'stop' }],
  usage: { prompt_tokens: 96, completion_tokens: 11, total_tokens: 107 },
}

export const anthropicRequest = {
  model: 'claude-sonnet-4-5',
  max_tokens: 2048,
  thinking: { type: 'enabled', budget_tokens: 1024 },
  system: [{ type: 'text', text: 'You review code.', cache_control: { type: 'ephemeral' } }],
  messages: [{ role: 'user', content: [{ type: 'text', text: 'Is `a == null` ok in TypeScript?' }] }],
}

export const anthropicResponse = {
  id: 'msg_01XFDUDYJgAACzvnptvVoYEL',
  type: 'message',
  role: 'assistant',
  model: 'claude-sonnet-4-5-20250929',
  content: [
    { type: 'thinking', thinking: 'Loose equality with null matches undefined too.', signature: 'EqQBCgIYAhIM1gbcDa9GJwZA2b3h' },
    { type: 'text', text: 'Yes: `== null` checks both null and undefined.' },
  ],
  stop_reason: 'end_turn',
  stop_sequence: null,
  usage: { input_tokens: 40, output_tokens: 52, cache_read_input_tokens: 1200, cache_creation_input_tokens: 0 },
}

let sequence = 0

/** A plausible record; `time` defaults to now, ids are unique and time-sortable. */
export function makeRecord(overrides: Partial<LogRecord> = {}): LogRecord {
  sequence++
  const base: LogRecord = {
    id: `gw_test${String(sequence).padStart(6, '0')}`,
    time: new Date().toISOString(),
    format: 'openai',
    endpoint: '/v1/chat/completions',
    model: 'fast',
    provider: 'groq',
    providerModel: 'llama-3.3-70b-versatile',
    stream: false,
    status: 200,
    latencyMs: 420,
    ttftMs: 180,
    usage: { input: 96, output: 11, cacheRead: 0, cacheWrite: 0, reasoning: 0 },
    costUsd: 0.0000654,
    attempts: [{ provider: 'groq', providerModel: 'llama-3.3-70b-versatile', status: 200, latencyMs: 410 }],
    request: openaiRequest,
    response: openaiResponse,
    error: null,
    client: 'OpenAI/JS 6.49.0',
    origin: 'server',
  }
  return { ...base, ...overrides }
}

export function anthropicRecord(overrides: Partial<LogRecord> = {}): LogRecord {
  return makeRecord({
    format: 'anthropic',
    endpoint: '/v1/messages',
    model: 'claude-sonnet-4-5',
    provider: 'anthropic',
    providerModel: 'claude-sonnet-4-5',
    usage: { input: 40, output: 52, cacheRead: 1200, cacheWrite: 0, reasoning: 0 },
    costUsd: 0.000978,
    attempts: [{ provider: 'anthropic', providerModel: 'claude-sonnet-4-5', status: 200, latencyMs: 1500 }],
    request: anthropicRequest,
    response: anthropicResponse,
    client: 'Anthropic/JS 1.14.0',
    ...overrides,
  })
}
