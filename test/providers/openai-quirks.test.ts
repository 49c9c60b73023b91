/**
 * OpenAI-compatible services that differ from OpenAI. Thinking under the
 * `reasoning` name (OpenRouter, Ollama, vLLM) becomes thinking like DeepSeek's
 * `reasoning_content` does. And services that reject fields OpenAI accepts. The fake here
 * answers like Mistral does (422 "Extra inputs are not permitted") to
 * `stream_options`, and under other prefixes to `parallel_tool_calls` too, as
 * services without parallel tool calls do. A provider without
 * quirks passes the client's fields on and fails; the `mistral` preset, or
 * quirks set in the config, leave them out on both paths: the fast path
 * (OpenAI clients, body forwarded) and translation (Anthropic clients).
 */
import OpenAI from 'openai'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openai, type RecordedRequest, type ReplyFn } from '../support/fake-upstream.js'
import { startHarness, UPSTREAM_KEY, type ProviderHarness } from './setup.js'

const REJECTED = ['stream_options', 'parallel_tool_calls'] as const

/** Mistral's validation error for an unknown body field. */
function extraForbidden(field: string, input: unknown) {
  return {
    object: 'error',
    message: { detail: [{ type: 'extra_forbidden', loc: ['body', field], msg: 'Extra inputs are not permitted', input }] },
    type: 'invalid_request_error',
    param: null,
    code: null,
  }
}

/** A service that answers 422 to any of `rejected` (Mistral itself takes parallel_tool_calls). */
const strictService =
  (rejected: readonly string[]): ReplyFn =>
  (req) => {
    const body = req.json as Record<string, unknown>
    const field = rejected.find((name) => name in body)
    return field ? { error: 422, body: extraForbidden(field, body[field]) } : openai.text('Bonjour.')
  }

let h: ProviderHarness
beforeAll(async () => {
  h = await startHarness((fake) => ({
    // The same strict service, told about its quirks in the config instead of by a preset.
    configured: { type: 'openai', baseURL: fake.baseURL('openai', '/configured'), apiKey: UPSTREAM_KEY, quirks: { noStreamOptions: true, noParallelToolCalls: true } },
  }))
})
afterAll(() => h.close())
afterEach(() => h.fake.reset())

function strictEverywhere() {
  h.fake.alwaysReply(strictService(['stream_options']), { prefix: '/mistral' })
  for (const prefix of ['/strict', '/configured']) h.fake.alwaysReply(strictService(REJECTED), { prefix })
}

const tools: OpenAI.Chat.Completions.ChatCompletionTool[] = [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object', properties: { q: { type: 'string' } } } } }]

async function streamText(model: string): Promise<string> {
  const stream = await h.openai.chat.completions.create({
    model,
    messages: [{ role: 'user', content: 'Say hi in French' }],
    stream: true,
    stream_options: { include_usage: true },
    tools,
    parallel_tool_calls: false,
  })
  let text = ''
  for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? ''
  return text
}

const lastBody = (): Record<string, unknown> => (h.fake.requests.at(-1) as RecordedRequest).json as Record<string, unknown>

describe('OpenAI SDK client (fast path)', () => {
  it('a provider without quirks forwards stream_options and parallel_tool_calls, and the service refuses', async () => {
    strictEverywhere()
    const error = await streamText('strict/mistral-small-latest').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OpenAI.UnprocessableEntityError)
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(422)
  })

  it.each(['mistral', 'configured'])('provider %s: the rejected fields are left out and the stream succeeds', async (provider) => {
    strictEverywhere()
    expect(await streamText(`${provider}/mistral-small-latest`)).toBe('Bonjour.')
    const body = lastBody()
    expect(body).not.toHaveProperty('stream_options')
    if (provider === 'configured') expect(body).not.toHaveProperty('parallel_tool_calls')
    else expect(body).toHaveProperty('parallel_tool_calls', false)
    expect(body).toMatchObject({ model: 'mistral-small-latest', stream: true, tools })
  })

  it('a body no quirk touches is forwarded byte for byte (model aside)', async () => {
    strictEverywhere()
    const raw = (model: string) => `{"messages":[{"role":"user","content":"Say hi"}],   "model":"${model}","temperature":0.5}`
    const response = await fetch(`${h.gw.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw('mistral/open-mistral-nemo') })
    expect(response.status).toBe(200)
    expect(h.fake.requests.at(-1)!.rawBody).toBe(raw('open-mistral-nemo'))
  })
})

describe('Anthropic SDK client (translated)', () => {
  const ask = (model: string) =>
    h.anthropic.messages
      .stream({
        model,
        max_tokens: 200,
        messages: [{ role: 'user', content: 'Say hi in French' }],
        tools: [{ name: 'lookup', input_schema: { type: 'object', properties: { q: { type: 'string' } } } }],
        tool_choice: { type: 'auto', disable_parallel_tool_use: true },
      })
      .finalMessage()

  it('without quirks the gateway asks for stream usage and one tool call at a time, and the service refuses', async () => {
    strictEverywhere()
    const error = await ask('strict/mistral-small-latest').catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 422 })
    expect(lastBody()).toMatchObject({ stream_options: { include_usage: true }, parallel_tool_calls: false })
  })

  it.each(['mistral', 'configured'])('provider %s: the request is built without them', async (provider) => {
    strictEverywhere()
    const message = await ask(`${provider}/mistral-small-latest`)
    expect(message.content).toEqual([{ type: 'text', text: 'Bonjour.' }])
    const body = lastBody()
    expect(body).toMatchObject({ stream: true, tool_choice: 'auto' })
    expect(body).not.toHaveProperty('stream_options')
    // Mistral does take parallel_tool_calls; its preset drops only stream_options (and reasoning_effort).
    if (provider === 'configured') expect(body).not.toHaveProperty('parallel_tool_calls')
    else expect(body).toHaveProperty('parallel_tool_calls', false)
  })
})

describe('thinking named `reasoning` (OpenRouter, Ollama, vLLM)', () => {
  const head = { id: 'gen-1764664568-abc', object: 'chat.completion.chunk', created: 1764664568, model: 'qwen3:8b' }
  const reasoningReply: ReplyFn = (req) =>
    req.stream
      ? {
          sse: [
            { data: { ...head, choices: [{ index: 0, delta: { role: 'assistant', content: '', reasoning: 'Short ' }, finish_reason: null }] } },
            { data: { ...head, choices: [{ index: 0, delta: { content: '', reasoning: 'greeting.' }, finish_reason: null }] } },
            { data: { ...head, choices: [{ index: 0, delta: { content: 'Salut.' }, finish_reason: null }] } },
            { data: { ...head, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], usage: { prompt_tokens: 12, completion_tokens: 9, total_tokens: 21 } } },
            'data: [DONE]\n\n',
          ],
        }
      : {
          json: {
            ...head,
            object: 'chat.completion',
            choices: [{ index: 0, message: { role: 'assistant', content: 'Salut.', reasoning: 'Short greeting.' }, finish_reason: 'stop' }],
            usage: { prompt_tokens: 12, completion_tokens: 9, total_tokens: 21 },
          },
        }

  it.each([false, true])('Anthropic client (stream: %s): a thinking block before the text', async (stream) => {
    h.fake.alwaysReply(reasoningReply, { prefix: '/strict' })
    const params = { model: 'strict/qwen3:8b', max_tokens: 200, messages: [{ role: 'user' as const, content: 'Say hi in French' }] }
    const message = stream ? await h.anthropic.messages.stream(params).finalMessage() : await h.anthropic.messages.create(params)
    expect(message.content).toEqual([
      { type: 'thinking', thinking: 'Short greeting.', signature: '' },
      { type: 'text', text: 'Salut.' },
    ])
    expect(message.usage).toMatchObject({ input_tokens: 12, output_tokens: 9 })
    expect(message.stop_reason).toBe('end_turn')
  })
})
