import { describe, expect, it } from 'vitest'
import { fixtureJson } from '../../../test/fixtures/anthropic/load.js'
import { GatewayError } from '../../ir/errors.js'
import type { IRRequest } from '../../ir/types.js'
import { JSON_OBJECT_INSTRUCTION, requestFromIR } from './ir-to-request.js'
import { requestToIR } from './request-to-ir.js'

const options = { model: 'claude-sonnet-4-5-20250929' }

/** A typical request from an OpenAI-format client, already in IR. */
function openaiStyle(extra: Partial<IRRequest> = {}): IRRequest {
  return {
    model: 'smart',
    system: [{ type: 'text', text: 'You are a helpful assistant.' }],
    messages: [{ role: 'user', parts: [{ type: 'text', text: 'What is 2+2?' }] }],
    stream: false,
    ...extra,
  }
}

describe('requestFromIR: round trips', () => {
  it.each(['requests/agent-thinking.json', 'requests/plain-sampling.json'])(
    '%s -> IR -> Anthropic keeps every field we understand',
    (file) => {
      const original = fixtureJson<Record<string, unknown>>(file)
      const again = requestFromIR(requestToIR(original), { model: original.model as string })
      expect(again).toEqual(original)
    },
  )

  it('signatures and redacted data come back byte-identical', () => {
    const original = fixtureJson<{ messages: Array<{ content: Array<Record<string, unknown>> }> }>('requests/agent-thinking.json')
    const again = requestFromIR(requestToIR(original), options)
    const text = JSON.stringify(again)
    expect(text).toContain(JSON.stringify(original.messages[1].content[0].signature))
    expect(text).toContain(JSON.stringify(original.messages[3].content[0].data))
  })

  it('string content comes back as blocks with the same meaning', () => {
    const again = requestFromIR(requestToIR(fixtureJson('requests/string-content.json')), options)
    expect(again.system).toEqual([{ type: 'text', text: 'You are terse.' }])
    expect(again.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Hello' }] },
      { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_01Zz9Yy8Xx7Ww6Vv5Uu4Tt3S', name: 'ping', input: {} }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_01Zz9Yy8Xx7Ww6Vv5Uu4Tt3S', content: [{ type: 'text', text: 'pong' }] }] },
    ])
  })
})

describe('requestFromIR: OpenAI-style requests', () => {
  it('builds a minimal request with the default max_tokens', () => {
    expect(requestFromIR(openaiStyle(), options)).toEqual({
      model: 'claude-sonnet-4-5-20250929',
      max_tokens: 4096,
      system: [{ type: 'text', text: 'You are a helpful assistant.' }],
      messages: [{ role: 'user', content: [{ type: 'text', text: 'What is 2+2?' }] }],
    })
    expect(requestFromIR(openaiStyle(), { ...options, defaultMaxTokens: 8192 }).max_tokens).toBe(8192)
  })

  it.each<[string, Partial<IRRequest>, Record<string, unknown>, string[]]>([
    ['stop -> stop_sequences', { stop: ['\n\n', 'END'] }, { stop_sequences: ['\n\n', 'END'] }, []],
    ['user -> metadata.user_id', { user: 'u-42' }, { metadata: { user_id: 'u-42' } }, []],
    ['stream', { stream: true }, { stream: true }, []],
    ['temperature clamped to 1', { temperature: 1.6 }, { temperature: 1 }, []],
    ['sampling kept without thinking', { temperature: 0.2, topK: 10 }, { temperature: 0.2, top_k: 10 }, []],
    ['top_p alone kept', { topP: 0.5 }, { top_p: 0.5 }, []],
    ['temperature wins over top_p', { temperature: 0.7, topP: 1 }, { temperature: 0.7 }, ['top_p']],
    [
      'thinking drops temperature and top_k, keeps top_p >= 0.95',
      { reasoning: { enabled: true, effort: 'low' }, maxTokens: 10_000, temperature: 0.2, topK: 5, topP: 0.96 },
      { thinking: { type: 'enabled', budget_tokens: 4096 }, max_tokens: 10_000, top_p: 0.96 },
      ['temperature', 'top_k'],
    ],
    ['thinking drops top_p below 0.95', { reasoning: { enabled: true, budgetTokens: 2000 }, maxTokens: 3000, topP: 0.9 }, { thinking: { type: 'enabled', budget_tokens: 2000 } }, ['top_p']],
    [
      'json_schema -> output_config.format',
      { responseFormat: { type: 'json_schema', name: 'answer', schema: { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'], additionalProperties: false }, strict: true } },
      { output_config: { format: { type: 'json_schema', schema: { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'], additionalProperties: false } } } },
      [],
    ],
  ])('%s', (_name, extra, expected, absent) => {
    const out = requestFromIR(openaiStyle(extra), options) as unknown as Record<string, unknown>
    expect(out).toMatchObject(expected)
    for (const field of absent) expect(out).not.toHaveProperty(field)
  })

  it('json_object adds a system instruction', () => {
    const out = requestFromIR(openaiStyle({ responseFormat: { type: 'json_object' } }), options)
    expect(out.system?.at(-1)).toEqual({ type: 'text', text: JSON_OBJECT_INSTRUCTION })
    expect(out.output_config).toBeUndefined()
  })

  it.each<[string, Partial<IRRequest>, unknown]>([
    ['auto', { toolChoice: { type: 'auto' } }, { type: 'auto' }],
    ['required -> any', { toolChoice: { type: 'required' } }, { type: 'any' }],
    ['none', { toolChoice: { type: 'none' } }, { type: 'none' }],
    ['named tool', { toolChoice: { type: 'tool', name: 'get_weather' } }, { type: 'tool', name: 'get_weather' }],
    ['parallel off without a choice', { parallelToolCalls: false }, { type: 'auto', disable_parallel_tool_use: true }],
    ['parallel off with required', { toolChoice: { type: 'required' }, parallelToolCalls: false }, { type: 'any', disable_parallel_tool_use: true }],
    ['nothing set', {}, undefined],
  ])('tool_choice: %s', (_name, extra, expected) => {
    const tools = [{ name: 'get_weather', description: 'Weather for a city', inputSchema: { type: 'object', properties: { city: { type: 'string' } } } }]
    const out = requestFromIR(openaiStyle({ tools, ...extra }), options)
    expect(out.tool_choice).toEqual(expected)
    expect(out.tools).toEqual([{ name: 'get_weather', description: 'Weather for a city', input_schema: { type: 'object', properties: { city: { type: 'string' } } } }])
  })

  it('gives a function without parameters an object schema', () => {
    const out = requestFromIR(openaiStyle({ tools: [{ name: 'now', inputSchema: {} }] }), options)
    expect(out.tools).toEqual([{ name: 'now', input_schema: { type: 'object', properties: {} } }])
  })

  it('drops tool_choice when there are no tools', () => {
    expect(requestFromIR(openaiStyle({ toolChoice: { type: 'none' } }), options).tool_choice).toBeUndefined()
  })

  it('leaves thinking out when the last tool-use turn lost its thinking block', () => {
    const toolLoop = openaiStyle({
      reasoning: { enabled: true, effort: 'low' },
      messages: [
        { role: 'user', parts: [{ type: 'text', text: 'Weather in Paris?' }] },
        { role: 'assistant', parts: [{ type: 'tool_call', id: 'call_1', name: 'get_weather', input: { city: 'Paris' } }] },
        { role: 'user', parts: [{ type: 'tool_result', callId: 'call_1', content: [{ type: 'text', text: '18°C' }] }] },
      ],
      tools: [{ name: 'get_weather', inputSchema: { type: 'object' } }],
    })
    const out = requestFromIR(toolLoop, options)
    expect(out.thinking).toBeUndefined()
    expect(out.max_tokens).toBe(4096)
    const signed = structuredClone(toolLoop)
    signed.messages[1].parts.unshift({ type: 'thinking', text: 'Look it up.', signature: 'EqQBCkgI' })
    expect(requestFromIR(signed, options).thinking).toEqual({ type: 'enabled', budget_tokens: 4096 })
  })

  it('refuses n > 1', () => {
    expect(() => requestFromIR(openaiStyle({ n: 2 }), options)).toThrow(GatewayError)
    try {
      requestFromIR(openaiStyle({ n: 3 }), options)
    } catch (error) {
      expect(error).toMatchObject({ kind: 'invalid_request', message: 'n > 1 is not supported by Anthropic models', param: 'n' })
    }
    expect(() => requestFromIR(openaiStyle({ n: 1 }), options)).not.toThrow()
  })

  it('adds cache breakpoints to a long prompt without hints, and none when the client sent some', () => {
    const longSystem = [{ type: 'text' as const, text: 'Rules. '.repeat(1000) }]
    const auto = requestFromIR(openaiStyle({ system: longSystem }), options)
    expect(auto.system?.[0].cache_control).toEqual({ type: 'ephemeral' })
    const client = requestFromIR(
      openaiStyle({ system: longSystem, messages: [{ role: 'user', parts: [{ type: 'text', text: 'hi', cache: { type: 'ephemeral', ttl: '1h' } }] }] }),
      options,
    )
    expect(client.system?.[0].cache_control).toBeUndefined()
    expect(client.messages[0].content).toEqual([{ type: 'text', text: 'hi', cache_control: { type: 'ephemeral', ttl: '1h' } }])
  })
})
