/**
 * The translation matrix, end to end: official OpenAI and Anthropic SDK clients x
 * OpenAI-type and Anthropic-type providers (the fake upstream) x JSON and stream
 * x text / tool calls / parallel tool calls / thinking / images.
 *
 * Same-format cells (openai -> openai, anthropic -> anthropic) go through the
 * passthrough; the cross-format cells go through the IR. Every cell must give
 * the same neutral outcome, and stream cells run through the SDKs' own stream
 * helpers (finalChatCompletion / finalMessage), which must accept the stream.
 * Errors have their own matrix in errors.test.ts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { anthropic, openai, type ReplySpec } from '../support/fake-upstream.js'
import {
  type AnthropicParams,
  askAnthropic,
  askOpenAI,
  type ClientKind,
  type Harness,
  MODEL,
  type Mode,
  type OpenAIParams,
  type Outcome,
  type ProviderKind,
  startHarness,
} from './harness.js'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterEach(() => h.fake.reset())
afterAll(() => h.close())

// A 1x1 transparent PNG.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='
const IMAGE_URL = 'https://upload.wikimedia.org/wikipedia/commons/4/47/PNG_transparency_demonstration_1.png'

const WEATHER_TOOL = {
  name: 'get_weather',
  description: 'Current weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
}
const TIME_TOOL = {
  name: 'get_time',
  description: 'Local time in a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
}
const openaiTools = [WEATHER_TOOL, TIME_TOOL].map((fn) => ({ type: 'function' as const, function: fn }))
const anthropicTools = [WEATHER_TOOL, TIME_TOOL].map(({ parameters, ...rest }) => ({ ...rest, input_schema: parameters as { type: 'object' } }))

interface Cell {
  client: ClientKind
  provider: ProviderKind
  mode: Mode
}

interface Scenario {
  name: string
  /** The upstream's answer, in the provider's own shape. */
  reply: Record<ProviderKind, ReplySpec>
  /** The same question in each client format. */
  openai: OpenAIParams
  anthropic: AnthropicParams
  check(outcome: Outcome, cell: Cell): void
  /** What the upstream must have received, in its own format. */
  checkReceived?(body: Record<string, unknown>, cell: Cell): void
}

/**
 * A tool call without arguments the way Anthropic really streams it: the block
 * starts with `input: {}` and its only input_json_delta is empty.
 */
const anthropicNoArgumentCall: ReplySpec = (request) => {
  const model = (request.json as { model: string }).model
  const usage = { input_tokens: 40, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 12 }
  const toolUse = { type: 'tool_use', id: 'toolu_01QE1WLsSVp5hy5Q3GmGTmjP', name: 'list_issues', input: {} }
  if (!request.stream) {
    return { json: { model, id: 'msg_01GE2RKp1VYsPzdFs3sS9z5S', type: 'message', role: 'assistant', content: [toolUse], stop_reason: 'tool_use', stop_sequence: null, usage } }
  }
  const event = (data: { type: string } & Record<string, unknown>) => ({ event: data.type, data })
  return {
    sse: [
      event({ type: 'message_start', message: { model, id: 'msg_01GE2RKp1VYsPzdFs3sS9z5S', type: 'message', role: 'assistant', content: [], stop_reason: null, stop_sequence: null, usage: { ...usage, output_tokens: 1 } } }),
      event({ type: 'content_block_start', index: 0, content_block: toolUse }),
      event({ type: 'ping' }),
      event({ type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '' } }),
      event({ type: 'content_block_stop', index: 0 }),
      event({ type: 'message_delta', delta: { stop_reason: 'tool_use', stop_sequence: null }, usage }),
      event({ type: 'message_stop' }),
    ],
  }
}

const THOUGHT = 'The user greets me, so I should greet them back briefly.'

const SCENARIOS: Scenario[] = [
  {
    name: 'text',
    reply: { openai: openai.text('The capital of France is Paris.'), anthropic: anthropic.text('The capital of France is Paris.') },
    openai: { messages: [{ role: 'user', content: 'Capital of France?' }] },
    anthropic: { max_tokens: 256, messages: [{ role: 'user', content: 'Capital of France?' }] },
    check(outcome) {
      expect(outcome.text).toBe('The capital of France is Paris.')
      expect(outcome.stop).toBe('end')
      expect(outcome.toolCalls).toEqual([])
      expect(outcome.usage.input).toBeGreaterThan(0)
      expect(outcome.usage.output).toBeGreaterThan(0)
    },
  },
  {
    name: 'tool call',
    reply: {
      openai: openai.toolCalls([{ name: 'get_weather', arguments: { city: 'Paris' } }]),
      anthropic: anthropic.toolUse([{ name: 'get_weather', input: { city: 'Paris' } }]),
    },
    openai: { messages: [{ role: 'user', content: 'Weather in Paris?' }], tools: openaiTools },
    anthropic: { max_tokens: 256, messages: [{ role: 'user', content: 'Weather in Paris?' }], tools: anthropicTools },
    check(outcome) {
      expect(outcome.toolCalls).toEqual([{ id: expect.any(String), name: 'get_weather', input: { city: 'Paris' } }])
      expect(outcome.stop).toBe('tool')
    },
    checkReceived(body, cell) {
      if (cell.provider === 'anthropic') {
        expect(body.tools).toEqual(anthropicTools.map((tool) => expect.objectContaining({ name: tool.name, input_schema: tool.input_schema })))
      } else {
        expect(body.tools).toEqual(openaiTools.map((tool) => ({ type: 'function', function: expect.objectContaining({ name: tool.function.name, parameters: tool.function.parameters }) })))
      }
    },
  },
  {
    name: 'tool call without arguments',
    reply: { openai: openai.toolCalls([{ name: 'list_issues', arguments: {} }]), anthropic: anthropicNoArgumentCall },
    openai: { messages: [{ role: 'user', content: 'List the issues.' }], tools: [{ type: 'function', function: { name: 'list_issues' } }] },
    anthropic: { max_tokens: 256, messages: [{ role: 'user', content: 'List the issues.' }], tools: [{ name: 'list_issues', input_schema: { type: 'object' } }] },
    check(outcome) {
      // OpenAI clients get "{}" (never ""), as OpenAI sends it; Anthropic clients an empty input object.
      expect(outcome.toolCalls).toEqual([{ id: expect.any(String), name: 'list_issues', input: {} }])
      expect(outcome.stop).toBe('tool')
    },
  },
  {
    name: 'parallel tool calls after text',
    reply: {
      openai: openai.toolCalls(
        [
          { name: 'get_weather', arguments: { city: 'Paris' } },
          { name: 'get_time', arguments: { city: 'Tokyo' } },
        ],
        { text: 'Checking both.' },
      ),
      anthropic: anthropic.toolUse(
        [
          { name: 'get_weather', input: { city: 'Paris' } },
          { name: 'get_time', input: { city: 'Tokyo' } },
        ],
        { text: 'Checking both.' },
      ),
    },
    openai: { messages: [{ role: 'user', content: 'Weather in Paris and time in Tokyo?' }], tools: openaiTools },
    anthropic: { max_tokens: 256, messages: [{ role: 'user', content: 'Weather in Paris and time in Tokyo?' }], tools: anthropicTools },
    check(outcome) {
      expect(outcome.text).toBe('Checking both.')
      expect(outcome.toolCalls).toEqual([
        { id: expect.any(String), name: 'get_weather', input: { city: 'Paris' } },
        { id: expect.any(String), name: 'get_time', input: { city: 'Tokyo' } },
      ])
      expect(new Set(outcome.toolCalls.map((call) => call.id)).size).toBe(2)
      expect(outcome.stop).toBe('tool')
    },
  },
  {
    name: 'thinking',
    reply: { openai: openai.reasoning(THOUGHT, 'Hello!'), anthropic: anthropic.thinking(THOUGHT, 'Hello!') },
    openai: { messages: [{ role: 'user', content: 'Hi there' }], reasoning_effort: 'low' },
    anthropic: { max_tokens: 4096, thinking: { type: 'enabled', budget_tokens: 2048 }, messages: [{ role: 'user', content: 'Hi there' }] },
    check(outcome, cell) {
      expect(outcome.text).toBe('Hello!')
      expect(outcome.thinking).toEqual([THOUGHT])
      // Anthropic signs its thinking and the signature reaches either client; DeepSeek-style reasoning has none.
      expect(outcome.signatures).toEqual([cell.provider === 'anthropic' ? h.fake.signThinking(THOUGHT) : ''])
    },
    checkReceived(body, cell) {
      if (cell.provider === 'anthropic') {
        expect(body.thinking).toEqual({ type: 'enabled', budget_tokens: cell.client === 'anthropic' ? 2048 : 4096 })
        expect(body.max_tokens as number).toBeGreaterThan(2048)
      } else {
        expect(body.reasoning_effort).toBe('low')
      }
    },
  },
  {
    name: 'images (base64 and URL)',
    reply: { openai: openai.text('Two images.'), anthropic: anthropic.text('Two images.') },
    openai: {
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is in these?' },
            { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG}` } },
            { type: 'image_url', image_url: { url: IMAGE_URL } },
          ],
        },
      ],
    },
    anthropic: {
      max_tokens: 256,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is in these?' },
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG } },
            { type: 'image', source: { type: 'url', url: IMAGE_URL } },
          ],
        },
      ],
    },
    check(outcome) {
      expect(outcome.text).toBe('Two images.')
    },
    checkReceived(body, cell) {
      const content = (body.messages as Array<{ content: unknown[] }>).at(-1)!.content
      if (cell.provider === 'anthropic') {
        expect(content).toEqual([
          expect.objectContaining({ type: 'text', text: 'What is in these?' }),
          expect.objectContaining({ type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG } }),
          expect.objectContaining({ type: 'image', source: { type: 'url', url: IMAGE_URL } }),
        ])
      } else {
        expect(content).toEqual([
          { type: 'text', text: 'What is in these?' },
          { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG}` } },
          { type: 'image_url', image_url: { url: IMAGE_URL } },
        ])
      }
    },
  },
]

const CLIENTS: ClientKind[] = ['openai', 'anthropic']
const PROVIDERS: ProviderKind[] = ['openai', 'anthropic']
const MODES: Mode[] = ['json', 'stream']
const CELLS: Cell[] = CLIENTS.flatMap((client) => PROVIDERS.flatMap((provider) => MODES.map((mode) => ({ client, provider, mode }))))

const path = (cell: Cell) => (cell.client === cell.provider ? 'passthrough' : 'translated')

async function ask(scenario: Scenario, cell: Cell): Promise<Outcome> {
  const model = MODEL[cell.provider]
  if (cell.client === 'openai') {
    const { outcome, trace } = await askOpenAI(h, model, scenario.openai, cell.mode)
    if (trace) {
      // The SDK helper's tool-call events fire once per call, with the whole arguments.
      expect(trace.toolCallsDone.map((done) => [done.name, JSON.parse(done.arguments)])).toEqual(outcome.toolCalls.map((call) => [call.name, call.input]))
      // Tool-call deltas: wire indices 0, 1, ... in order; id, type and name on each call's first delta only.
      const deltas = trace.chunks.flatMap((chunk) => chunk.choices[0]?.delta?.tool_calls ?? [])
      const firsts = deltas.filter((delta, i) => deltas.findIndex((other) => other.index === delta.index) === i)
      expect(firsts.map((delta) => delta.index)).toEqual(outcome.toolCalls.map((_, i) => i))
      expect(firsts.map((delta) => [delta.id, delta.type, delta.function?.name])).toEqual(outcome.toolCalls.map((call) => [call.id, 'function', call.name]))
      expect(deltas.filter((delta) => !firsts.includes(delta)).every((delta) => delta.id === undefined && delta.function?.name === undefined)).toBe(true)
    }
    return outcome
  }
  const { outcome, trace } = await askAnthropic(h, model, scenario.anthropic, cell.mode)
  if (trace) {
    // input_json_delta fragments join into each tool_use block's input (none at all: an empty input).
    const toolBlocks = trace.events.flatMap((event) => (event.type === 'content_block_start' && event.content_block.type === 'tool_use' ? [event.index] : []))
    const inputs = toolBlocks.map((index) => JSON.parse(trace.inputJson.get(index) || '{}'))
    expect(inputs).toEqual(outcome.toolCalls.map((call) => call.input))
    // Content blocks are numbered 0, 1, ... as they start, each stopped before the next starts.
    const blockEvents = trace.events.flatMap((event) =>
      event.type === 'content_block_start' ? [`start ${event.index}`] : event.type === 'content_block_stop' ? [`stop ${event.index}`] : [],
    )
    expect(blockEvents).toEqual(trace.events.filter((event) => event.type === 'content_block_start').flatMap((_, i) => [`start ${i}`, `stop ${i}`]))
    expect(trace.events[0].type).toBe('message_start')
    expect(trace.events.at(-1)!.type).toBe('message_stop')
  }
  return outcome
}

describe.each(CELLS)('$client client -> $provider provider ($mode)', (cell) => {
  it.each(SCENARIOS)(`${path(cell)}: $name`, async (scenario) => {
    h.fake.enqueue(scenario.reply[cell.provider])
    const outcome = await ask(scenario, cell)
    scenario.check(outcome, cell)
    const [request] = h.fake.requests
    expect(request.stream).toBe(cell.mode === 'stream')
    scenario.checkReceived?.(request.json as Record<string, unknown>, cell)
  })
})
