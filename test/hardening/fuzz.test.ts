/**
 * Property tests: no client input makes the gateway crash or answer 500.
 * - Both request parsers (and the cheap passthrough checks) either accept a
 *   body or throw a GatewayError with a 4xx status; whatever they accept, every
 *   provider format can build an upstream request from.
 * - Both stream decoders turn any SSE message into events, never a throw.
 * - Over HTTP, arbitrary JSON on both routes gets a 2xx or a 4xx in the
 *   client's envelope, never the gateway's internal error.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clientFormats, providerFormats } from '../../src/formats/registry.js'
import { GatewayError } from '../../src/ir/errors.js'
import { type Client, ENDPOINT, headersFor, type Rig, startRig } from './harness.js'

const anything = fc.jsonValue({ maxDepth: 3 })
const text = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('hello', 'What is the weather in Paris?', '', ' ', '日本語 ✓', 'line\nbreak'))
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='
const WEATHER_SCHEMA = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }

/** Valid OpenAI Chat Completions bodies: system/user/assistant turns, images, a tool round trip, sampling options. */
function openaiRequest(model: fc.Arbitrary<string>) {
  const userContent = fc.oneof(
    text,
    fc.array(fc.oneof(fc.record({ type: fc.constant('text'), text }), fc.constant({ type: 'image_url', image_url: { url: `data:image/png;base64,${PNG}` } })), { minLength: 1, maxLength: 3 }),
  )
  const turn = fc.oneof(
    fc.tuple(fc.record({ role: fc.constant('user'), content: userContent })),
    fc.tuple(fc.record({ role: fc.constant('assistant'), content: text })),
    fc.tuple(
      fc.constant({ role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] }),
      fc.record({ role: fc.constant('tool'), tool_call_id: fc.constant('call_1'), content: text }),
    ),
  )
  const messages = fc
    .tuple(fc.option(fc.record({ role: fc.constantFrom('system', 'developer'), content: text }), { nil: undefined }), fc.array(turn, { maxLength: 3 }), fc.record({ role: fc.constant('user'), content: userContent }))
    .map(([system, turns, last]) => [...(system ? [system] : []), ...turns.flat(), last])
  return fc.record(
    {
      model,
      messages,
      stream: fc.boolean(),
      stream_options: fc.record({ include_usage: fc.boolean() }),
      max_tokens: fc.integer({ min: 1, max: 4096 }),
      max_completion_tokens: fc.integer({ min: 1, max: 4096 }),
      temperature: fc.double({ min: 0, max: 2, noNaN: true }),
      top_p: fc.double({ min: 0, max: 1, noNaN: true }),
      stop: fc.oneof(fc.string({ maxLength: 5 }), fc.array(fc.string({ maxLength: 5 }), { maxLength: 4 })),
      tools: fc.constant([{ type: 'function', function: { name: 'get_weather', description: 'Current weather', parameters: WEATHER_SCHEMA } }]),
      tool_choice: fc.constantFrom('auto', 'none', 'required', { type: 'function', function: { name: 'get_weather' } }),
      parallel_tool_calls: fc.boolean(),
      reasoning_effort: fc.constantFrom('minimal', 'low', 'medium', 'high'),
      response_format: fc.constantFrom({ type: 'text' }, { type: 'json_object' }, { type: 'json_schema', json_schema: { name: 'w', schema: WEATHER_SCHEMA } }),
      seed: fc.integer(),
      user: fc.string({ maxLength: 10 }),
      n: fc.constant(1),
    },
    { requiredKeys: ['model', 'messages'] },
  )
}

/** Valid Anthropic Messages bodies: alternating turns, images, a tool_use/tool_result round trip, thinking, cache_control. */
function anthropicRequest(model: fc.Arbitrary<string>) {
  const cache = fc.option(fc.constant({ type: 'ephemeral' }), { nil: undefined })
  const textBlock = fc.record({ type: fc.constant('text'), text: text.filter((t) => t.trim() !== ''), cache_control: cache }, { requiredKeys: ['type', 'text'] })
  const userContent = fc.oneof(
    text.filter((t) => t.trim() !== ''),
    fc.array(fc.oneof(textBlock, fc.constant({ type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG } })), { minLength: 1, maxLength: 3 }),
  )
  const exchange = fc.oneof(
    fc.tuple(fc.record({ role: fc.constant('assistant'), content: fc.oneof(text.filter((t) => t.trim() !== ''), fc.array(textBlock, { minLength: 1, maxLength: 2 })) }), fc.record({ role: fc.constant('user'), content: userContent })),
    fc.tuple(
      fc.constant({ role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_01', name: 'get_weather', input: { city: 'Paris' } }] }),
      fc.record({ role: fc.constant('user'), content: text.map((t) => [{ type: 'tool_result', tool_use_id: 'toolu_01', content: t || 'ok' }]) }),
    ),
  )
  const messages = fc.tuple(fc.record({ role: fc.constant('user'), content: userContent }), fc.array(exchange, { maxLength: 2 })).map(([first, rest]) => [first, ...rest.flat()])
  return fc.record(
    {
      model,
      max_tokens: fc.integer({ min: 1, max: 8192 }),
      messages,
      system: fc.oneof(text, fc.array(textBlock, { minLength: 1, maxLength: 2 })),
      stream: fc.boolean(),
      temperature: fc.double({ min: 0, max: 1, noNaN: true }),
      top_p: fc.double({ min: 0, max: 1, noNaN: true }),
      top_k: fc.integer({ min: 1, max: 500 }),
      stop_sequences: fc.array(fc.string({ minLength: 1, maxLength: 5 }), { maxLength: 3 }),
      tools: fc.constant([{ name: 'get_weather', description: 'Current weather', input_schema: WEATHER_SCHEMA }]),
      tool_choice: fc.constantFrom({ type: 'auto' }, { type: 'any' }, { type: 'none' }, { type: 'tool', name: 'get_weather' }),
      thinking: fc.oneof(fc.constant({ type: 'disabled' }), fc.integer({ min: 1024, max: 4096 }).map((budget_tokens) => ({ type: 'enabled', budget_tokens }))),
      metadata: fc.record({ user_id: fc.string({ maxLength: 10 }) }),
    },
    { requiredKeys: ['model', 'max_tokens', 'messages'] },
  )
}

/** One random edit somewhere in a body: replace a value, delete a key or element, or add an unknown key. */
const mutation = fc.record({ at: fc.nat(), op: fc.constantFrom('replace', 'delete', 'add'), value: anything, key: fc.string({ maxLength: 8 }) })

function mutate(body: unknown, edits: Array<{ at: number; op: string; value: unknown; key: string }>): unknown {
  const root = structuredClone(body) as Record<string, unknown>
  for (const edit of edits) {
    const slots: Array<[Record<string, unknown> | unknown[], string | number]> = []
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach((child, i) => (slots.push([node, i]), walk(child)))
      else if (node && typeof node === 'object') for (const [key, child] of Object.entries(node)) slots.push([node as Record<string, unknown>, key]), walk(child)
    }
    walk(root)
    if (slots.length === 0) continue
    const [parent, key] = slots[edit.at % slots.length]
    if (edit.op === 'replace') (parent as Record<string | number, unknown>)[key] = edit.value
    else if (edit.op === 'delete') Array.isArray(parent) ? parent.splice(key as number, 1) : delete parent[key as string]
    else if (!Array.isArray(parent)) parent[`${edit.key}_x`] = edit.value
  }
  return root
}

/** Valid bodies, lightly mutated ones, and any JSON at all. */
function bodies(client: Client, model: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  const valid = client === 'openai' ? openaiRequest(model) : anthropicRequest(model)
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    { weight: 4, arbitrary: fc.tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 2 })).map(([body, edits]) => mutate(body, edits)) },
    { weight: 1, arbitrary: anything },
  )
}

/** Accepted, or refused with a GatewayError in the 4xx range: anything else is a crash. */
function expectAcceptedOrRefused(run: () => unknown): unknown {
  try {
    return run()
  } catch (error) {
    if (!(error instanceof GatewayError)) throw new Error(`threw a non-GatewayError: ${(error as Error)?.stack ?? String(error)}`)
    expect(error.status, error.message).toBeGreaterThanOrEqual(400)
    expect(error.status, error.message).toBeLessThan(500)
    return undefined
  }
}

const RUNS = 400

describe('request parsers never crash', () => {
  for (const client of ['openai', 'anthropic'] as const) {
    const format = clientFormats[client]
    it(`${client}: validateRequest and parseRequest accept or throw a 4xx GatewayError`, () => {
      fc.assert(
        fc.property(bodies(client, fc.constantFrom('gpt-4o-mini', 'claude-sonnet-4-5')), (body) => {
          expectAcceptedOrRefused(() => format.validateRequest(body))
          const ir = expectAcceptedOrRefused(() => format.parseRequest(body)) as Parameters<(typeof providerFormats)['openai']['requestFromIR']>[0] | undefined
          if (!ir) return
          // Whatever parses, every provider format can build a request from (or refuse it cleanly).
          for (const provider of Object.values(providerFormats)) {
            const built = expectAcceptedOrRefused(() => provider.requestFromIR(ir, { model: 'm', defaultMaxTokens: 1024 }))
            if (built !== undefined) expect(() => JSON.stringify(built)).not.toThrow()
          }
        }),
        { numRuns: RUNS },
      )
    })
  }
})

describe('stream decoders never throw on what an upstream might send', () => {
  const sseData = fc.oneof(
    fc.string(),
    anything.map((v) => JSON.stringify(v)),
    fc.constantFrom('[DONE]', '{"choices":[{"delta":{"content":null},"finish_reason":7}]}', '{"type":"content_block_delta","index":"x","delta":{}}', '{"error":"x"}', '{"candidates":[{}]}'),
  )
  const message = fc.record({ event: fc.option(fc.constantFrom('message_start', 'content_block_delta', 'error', 'ping', 'message_stop', 'x'), { nil: undefined }), data: sseData })

  for (const name of ['openai', 'anthropic', 'gemini'] as const) {
    it(`${name}: decode() and end() return events`, () => {
      fc.assert(
        fc.property(fc.array(message, { maxLength: 8 }), (messages) => {
          const decoder = providerFormats[name].createStreamDecoder()
          for (const m of messages) expect(Array.isArray(decoder.decode(m))).toBe(true)
          expect(Array.isArray(decoder.end())).toBe(true)
        }),
        { numRuns: RUNS },
      )
    })
  }
})

describe('HTTP routes: arbitrary JSON never gets a 500', () => {
  let rig: Rig
  beforeAll(async () => {
    rig = await startRig()
  })
  afterAll(() => rig.close())

  // The mock (in-process) and the translated paths: the gateway builds what goes upstream, so any 5xx would be its own.
  const MODELS: Record<Client, string[]> = {
    openai: ['mock/echo', 'an/claude-sonnet-4-5'],
    anthropic: ['mock/echo', 'oa/gpt-4o-mini'],
  }

  for (const client of ['openai', 'anthropic'] as const) {
    it(`${client}: 2xx or a 4xx in the ${client} envelope`, async () => {
      await fc.assert(
        fc.asyncProperty(bodies(client, fc.constantFrom(...MODELS[client])), async (body) => {
          const response = await fetch(`${rig.gw.url}${ENDPOINT[client]}`, { method: 'POST', headers: headersFor(client), body: JSON.stringify(body) })
          const text = await response.text()
          expect(response.status, text).toBeLessThan(500)
          if (response.status >= 400) {
            const json = JSON.parse(text)
            if (client === 'openai') expect(typeof json.error.message).toBe('string')
            else expect(json).toMatchObject({ type: 'error', error: { type: expect.any(String), message: expect.any(String) } })
          }
        }),
        { numRuns: 120 },
      )
    })
  }
})
