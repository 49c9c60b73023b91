/**
 * The SDK's streaming helpers through the gateway's Anthropic fast path: the
 * stream is relayed event by event untouched, so finalMessage(), the text /
 * inputJson / thinking / signature events and the raw bytes match a direct
 * call, and signed or redacted thinking goes back upstream and validates.
 */
import Anthropic, { type APIError } from '@anthropic-ai/sdk'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { anthropic } from '../support/fake-upstream.js'
import { type Harness, startHarness, UPSTREAM_KEY, UPSTREAM_MODEL, withModel } from './harness.js'

let h: Harness

beforeAll(async () => {
  h = await startHarness()
})
afterEach(() => h.reset())
afterAll(() => h.close())

const weatherTool: Anthropic.Tool = {
  name: 'get_weather',
  description: 'Get the current weather in a given location',
  input_schema: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] },
}

interface Observed {
  events: Anthropic.MessageStreamEvent[]
  texts: string[]
  inputJson: string[]
  thinking: string[]
  signatures: string[]
  final: Anthropic.Message
}

/** Everything the SDK's MessageStream helpers report for one request. */
async function observe(client: Anthropic, params: Anthropic.MessageStreamParams): Promise<Observed> {
  const stream = client.messages.stream(params)
  const seen: Omit<Observed, 'final'> = { events: [], texts: [], inputJson: [], thinking: [], signatures: [] }
  stream.on('streamEvent', (event) => seen.events.push(event))
  stream.on('text', (delta) => seen.texts.push(delta))
  stream.on('inputJson', (partial) => seen.inputJson.push(partial))
  stream.on('thinking', (delta) => seen.thinking.push(delta))
  stream.on('signature', (signature) => seen.signatures.push(signature))
  return { ...seen, final: await stream.finalMessage() }
}

/** The same streamed call through the gateway (alias `sonnet`) and directly; both answered by `reply` when given. */
async function bothWays(params: Omit<Anthropic.MessageStreamParams, 'model'>, reply?: Parameters<Harness['fake']['enqueue']>[0]) {
  if (reply) h.fake.enqueueAll([reply, reply])
  const viaGateway = await observe(h.client(), { ...params, model: 'sonnet' })
  const upstream = h.fake.requests.at(-1)!
  expect(upstream.rawBody).toBe(withModel(h.sent.at(-1)!.body, UPSTREAM_MODEL))
  const directly = await observe(h.direct(), { ...params, model: UPSTREAM_MODEL })
  return { viaGateway, directly }
}

describe('MessageStream helpers through the gateway', () => {
  it('finalMessage() and the text events equal the direct stream', async () => {
    const { viaGateway, directly } = await bothWays({ max_tokens: 256, messages: [{ role: 'user', content: 'tell me about the sea' }] })
    expect(viaGateway).toEqual(directly)
    expect(viaGateway.texts.join('')).toBe('You said: tell me about the sea')
    expect(viaGateway.events.map((e) => e.type)).toContain('message_delta')
    expect(viaGateway.final.usage.output_tokens).toBeGreaterThan(0)
  })

  it('streams tool use as input_json_delta fragments the SDK assembles', async () => {
    const reply = anthropic.toolUse(
      [
        { name: 'get_weather', input: { location: 'San Francisco, CA' } },
        { name: 'get_weather', input: { location: 'Paris, France' } },
      ],
      { text: 'Checking both.' },
    )
    const { viaGateway, directly } = await bothWays(
      { max_tokens: 512, tools: [weatherTool], messages: [{ role: 'user', content: 'Weather in SF and Paris?' }] },
      reply,
    )
    expect(viaGateway).toEqual(directly)
    expect(viaGateway.inputJson.length).toBeGreaterThan(2)
    const deltas = viaGateway.events.filter((e) => e.type === 'content_block_delta' && e.delta.type === 'input_json_delta')
    expect(deltas.length).toBeGreaterThan(2)
    expect(viaGateway.final.stop_reason).toBe('tool_use')
    expect(viaGateway.final.content.filter((b) => b.type === 'tool_use').map((b) => b.input)).toEqual([
      { location: 'San Francisco, CA' },
      { location: 'Paris, France' },
    ])
  })

  it('streams thinking with its signature_delta; the signed turn goes back and validates upstream', async () => {
    const params = {
      max_tokens: 4096,
      thinking: { type: 'enabled' as const, budget_tokens: 2048 },
      tools: [weatherTool],
      messages: [{ role: 'user' as const, content: 'Weather in Paris?' }],
    }
    const reply = anthropic.toolUse([{ name: 'get_weather', input: { location: 'Paris, France' } }], { thinking: 'The user wants Paris weather.' })
    const { viaGateway, directly } = await bothWays(params, reply)
    expect(viaGateway).toEqual(directly)
    expect(viaGateway.thinking.join('')).toBe('The user wants Paris weather.')
    expect(viaGateway.signatures).toEqual([h.fake.signThinking('The user wants Paris weather.')])

    // The assistant turn as the SDK assembled it, thinking signature included, back through the gateway.
    const toolUse = viaGateway.final.content.find((b) => b.type === 'tool_use')!
    const followUp = await h.client().messages.create({
      ...params,
      model: 'sonnet',
      messages: [
        ...params.messages,
        { role: 'assistant', content: viaGateway.final.content },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: toolUse.id, content: '18°C, sunny' }] },
      ],
    })
    expect(followUp.content.at(-1)).toMatchObject({ type: 'text', text: 'You said: 18°C, sunny' })
    expect(h.fake.requests.at(-1)!.rawBody).toBe(withModel(h.sent.at(-1)!.body, UPSTREAM_MODEL))
  })

  it('a thinking block altered on the way back is refused upstream, with its error untouched', async () => {
    const params = { max_tokens: 4096, thinking: { type: 'enabled' as const, budget_tokens: 2048 }, messages: [{ role: 'user' as const, content: 'hi' }] }
    const first = await h.client().messages.create({ ...params, model: 'sonnet' })
    const [thinking, text] = first.content
    const tampered = { ...(thinking as Anthropic.ThinkingBlock), thinking: 'something else' }
    const error = await h
      .client()
      .messages.create({ ...params, model: 'sonnet', messages: [...params.messages, { role: 'assistant', content: [tampered, text] }, { role: 'user', content: 'again' }] })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Anthropic.BadRequestError)
    expect((error as APIError).error).toMatchObject({
      type: 'error',
      error: { type: 'invalid_request_error', message: 'messages.1.content.0: Invalid `signature` in `thinking` block' },
      request_id: expect.stringMatching(/^req_/),
    })
  })

  it('redacted thinking streams and returns untouched, and is accepted back', async () => {
    const params = { max_tokens: 4096, thinking: { type: 'enabled' as const, budget_tokens: 1024 }, messages: [{ role: 'user' as const, content: 'secret plans' }] }
    const reply = anthropic.thinking('I may not say this.', 'Here is the answer.', { redacted: true })
    const { viaGateway, directly } = await bothWays(params, reply)
    expect(viaGateway).toEqual(directly)
    expect(viaGateway.final.content.map((b) => b.type)).toEqual(['thinking', 'redacted_thinking', 'text'])
    const redacted = viaGateway.final.content[1] as Anthropic.RedactedThinkingBlock
    expect(redacted.data).toBe(directly.final.content[1].type === 'redacted_thinking' && directly.final.content[1].data)

    h.fake.enqueueAll([reply, reply])
    const nonStream = await h.client().messages.create({ ...params, model: 'sonnet' })
    expect(nonStream).toEqual(await h.direct().messages.create({ ...params, model: UPSTREAM_MODEL }))
    expect(nonStream.content[1].type).toBe('redacted_thinking')

    const again = await h.client().messages.create({
      ...params,
      model: 'sonnet',
      messages: [...params.messages, { role: 'assistant', content: viaGateway.final.content }, { role: 'user', content: 'go on' }],
    })
    expect(again.content.at(-1)).toMatchObject({ type: 'text', text: 'You said: go on' })
  })
})

describe('the raw event stream', () => {
  const raw = (url: string, body: string, headers: Record<string, string>) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01', ...headers }, body })

  it('reaches the client byte for byte as the upstream sent it (ping included)', async () => {
    const body = (model: string) =>
      JSON.stringify({ model, max_tokens: 2000, stream: true, thinking: { type: 'enabled', budget_tokens: 1024 }, messages: [{ role: 'user', content: 'raw bytes' }] })
    const viaGateway = await raw(`${h.gw.url}/v1/messages`, body('sonnet'), {})
    const directly = await raw(`${h.fake.url}/v1/messages`, body(UPSTREAM_MODEL), { 'x-api-key': UPSTREAM_KEY })
    expect(viaGateway.headers.get('content-type')).toMatch(/^text\/event-stream/)
    const text = await viaGateway.text()
    expect(text).toBe(await directly.text())
    for (const event of ['message_start', 'ping', 'thinking_delta', 'signature_delta', 'text_delta', 'message_delta', 'message_stop']) expect(text).toContain(event)
  })

  it('passes unknown new event and delta types through for the SDK to handle', async () => {
    const sse = [
      'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_01X","type":"message","role":"assistant","model":"claude-3-5-sonnet-20241022","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":5,"output_tokens":1}}}\n\n',
      'event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":"","citations":[]}}\n\n',
      'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"citations_delta","citation":{"type":"char_location","cited_text":"x","document_index":0,"document_title":null,"start_char_index":0,"end_char_index":1}}}\n\n',
      'event: future_event\ndata: {"type":"future_event","novel":{"nested":[1,2,3]}}\n\n',
      'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Cited."}}\n\n',
      'event: content_block_stop\ndata: {"type":"content_block_stop","index":0}\n\n',
      'event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null,"container":null},"usage":{"output_tokens":3,"server_tool_use":{"web_search_requests":0}}}\n\n',
      'event: message_stop\ndata: {"type":"message_stop"}\n\n',
    ]
    h.fake.enqueue({ sse })
    const response = await raw(`${h.gw.url}/v1/messages`, JSON.stringify({ model: 'sonnet', max_tokens: 10, stream: true, messages: [{ role: 'user', content: 'cite' }] }), {})
    expect(await response.text()).toBe(sse.join(''))

    h.fake.enqueue({ sse })
    const final = await h.client().messages.stream({ model: 'sonnet', max_tokens: 10, messages: [{ role: 'user', content: 'cite' }] }).finalMessage()
    expect(final.content).toEqual([{ type: 'text', text: 'Cited.', citations: [expect.objectContaining({ cited_text: 'x' })] }])
    expect(final.usage).toMatchObject({ output_tokens: 3, server_tool_use: { web_search_requests: 0 } })
  })
})
