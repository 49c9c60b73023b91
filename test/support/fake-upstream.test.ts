/**
 * The fake upstream itself, driven with plain fetch: each provider's shapes (stream and
 * not), auth, scripting, validation (signatures included), timing, aborts and fast mode.
 */
import Anthropic from '@anthropic-ai/sdk'
import { readFileSync } from 'node:fs'
import OpenAI from 'openai'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { anthropic, gemini, openai, startFakeUpstream, type FakeUpstream } from './fake-upstream.js'

type Json = Record<string, any>

const fixture = (name: string): Json => JSON.parse(readFileSync(new URL(`../fixtures/upstream/${name}`, import.meta.url), 'utf8'))

interface SseEvent {
  event?: string
  data: string
}

function parseSse(text: string): SseEvent[] {
  return text
    .split(/\r?\n\r?\n/)
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const ev: SseEvent = { data: '' }
      const data: string[] = []
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith('event: ')) ev.event = line.slice(7)
        else if (line.startsWith('data: ')) data.push(line.slice(6))
      }
      ev.data = data.join('\n')
      return ev
    })
}

const j = async (res: Response | Promise<Response>): Promise<Json> => (await (await res).json()) as Json

const jsonEvents = (text: string) => parseSse(text).filter((e) => e.data !== '[DONE]').map((e) => JSON.parse(e.data))

const OPENAI_HEADERS = { 'content-type': 'application/json', authorization: 'Bearer sk-test' }
const ANTHROPIC_HEADERS = { 'content-type': 'application/json', 'x-api-key': 'sk-ant-test', 'anthropic-version': '2023-06-01' }

let fake: FakeUpstream
beforeAll(async () => {
  fake = await startFakeUpstream()
})
afterAll(() => fake.close())
afterEach(() => fake.reset())

const post = (path: string, body: unknown, headers: Record<string, string> = OPENAI_HEADERS, init: RequestInit = {}) =>
  fetch(`${fake.url}${path}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body), ...init })
const chat = (body: Json, init?: RequestInit) => post('/v1/chat/completions', body, OPENAI_HEADERS, init)
const messages = (body: Json, init?: RequestInit) => post('/v1/messages', body, ANTHROPIC_HEADERS, init)
const generate = (model: string, body: Json, stream = false) =>
  post(`/v1beta/models/${model}:${stream ? 'streamGenerateContent?alt=sse' : 'generateContent'}`, body, { 'content-type': 'application/json' })

const hi = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi there' }] }
const claudeHi = { model: 'claude-sonnet-4-5', max_tokens: 256, messages: [{ role: 'user', content: 'hi there' }] }
const geminiHi = { contents: [{ role: 'user', parts: [{ text: 'hi there' }] }] }

describe('OpenAI chat completions', () => {
  it('answers a plain request with an echo in the real completion shape', async () => {
    const res = await chat(hi)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json')
    expect(res.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/)
    const body = await j(res)
    expect(body).toMatchObject({
      object: 'chat.completion',
      model: 'gpt-4o-mini',
      choices: [{ index: 0, message: { role: 'assistant', content: 'You said: hi there', refusal: null }, finish_reason: 'stop' }],
      usage: { prompt_tokens_details: { cached_tokens: 0 }, completion_tokens_details: { reasoning_tokens: 0 } },
    })
    expect(body.id).toMatch(/^chatcmpl-[A-Za-z0-9]{29}$/)
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens)
  })

  it('gives the same request the same ids and a different request different ones', async () => {
    const a = await j(chat(hi))
    const b = await j(chat(hi))
    const c = await j(chat({ ...hi, messages: [{ role: 'user', content: 'other' }] }))
    expect(a).toEqual(b)
    expect(c.id).not.toBe(a.id)
  })

  it('streams role chunk, word chunks, finish chunk and [DONE]; usage only when asked', async () => {
    const plain = parseSse(await (await chat({ ...hi, stream: true })).text())
    expect(plain.at(-1)?.data).toBe('[DONE]')
    const chunks = plain.slice(0, -1).map((e) => JSON.parse(e.data))
    expect(chunks[0].choices[0].delta).toEqual({ role: 'assistant', content: '', refusal: null })
    expect(chunks.map((c) => c.choices[0].delta.content ?? '').join('')).toBe('You said: hi there')
    expect(chunks.length).toBeGreaterThanOrEqual(5)
    expect(chunks.at(-1).choices[0]).toMatchObject({ delta: {}, finish_reason: 'stop' })
    expect(chunks.every((c) => c.object === 'chat.completion.chunk' && !('usage' in c))).toBe(true)

    const withUsage = jsonEvents(await (await chat({ ...hi, stream: true, stream_options: { include_usage: true } })).text())
    const last = withUsage.at(-1)
    expect(last.choices).toEqual([])
    expect(last.usage).toMatchObject({ prompt_tokens: expect.any(Number), completion_tokens: expect.any(Number) })
    expect(withUsage.slice(0, -1).every((c) => c.usage === null)).toBe(true)
  })

  it('builds parallel tool calls, streamed as id+name chunks then argument fragments', async () => {
    const calls = [
      { name: 'get_current_weather', arguments: { location: 'San Francisco, CA' } },
      { name: 'get_current_weather', arguments: { location: 'Boston, MA' } },
    ]
    fake.enqueue(openai.toolCalls(calls))
    const body = await j(chat(fixture('openai-weather-request.json')))
    expect(body.choices[0].finish_reason).toBe('tool_calls')
    expect(body.choices[0].message.content).toBeNull()
    expect(body.choices[0].message.tool_calls.map((c: Json) => JSON.parse(c.function.arguments))).toEqual(calls.map((c) => c.arguments))
    expect(body.choices[0].message.tool_calls[0].id).toMatch(/^call_[A-Za-z0-9]{24}$/)

    fake.enqueue(openai.toolCalls(calls))
    const chunks = jsonEvents(await (await chat({ ...fixture('openai-weather-request.json'), stream: true })).text())
    const args = ['', '']
    for (const c of chunks)
      for (const tc of c.choices[0]?.delta.tool_calls ?? []) {
        if (tc.id) expect(tc.function).toEqual({ name: 'get_current_weather', arguments: '' })
        args[tc.index] += tc.function.arguments
      }
    expect(args.map((a) => JSON.parse(a))).toEqual(calls.map((c) => c.arguments))
    expect(chunks.at(-1).choices[0].finish_reason).toBe('tool_calls')
  })

  it('builds DeepSeek-style reasoning_content, streamed before the content', async () => {
    fake.enqueue(openai.reasoning('Count the r letters.', 'There are 3.', { usage: { reasoning: 5, cacheRead: 320 } }))
    const body = await j(chat({ ...hi, model: 'deepseek-reasoner' }))
    expect(body.choices[0].message).toMatchObject({ content: 'There are 3.', reasoning_content: 'Count the r letters.' })
    expect(body.usage).toMatchObject({ completion_tokens_details: { reasoning_tokens: 5 }, prompt_cache_hit_tokens: 320, prompt_tokens_details: { cached_tokens: 320 } })

    fake.enqueue(openai.reasoning('Count the r letters.', 'There are 3.'))
    const chunks = jsonEvents(await (await chat({ ...hi, stream: true, stream_options: { include_usage: true } })).text())
    const reasoning = chunks.map((c) => c.choices[0].delta.reasoning_content ?? '').join('')
    const content = chunks.map((c) => c.choices[0].delta.content ?? '').join('')
    expect([reasoning, content]).toEqual(['Count the r letters.', 'There are 3.'])
    expect(chunks.at(-1)).toMatchObject({ choices: [{ finish_reason: 'stop' }], usage: { completion_tokens_details: { reasoning_tokens: expect.any(Number) } } })
  })

  it('sends error envelopes, retry-after and an in-band stream error without [DONE]', async () => {
    fake.enqueue(openai.error(429, { retryAfter: 2 }))
    const limited = await chat(hi)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('2')
    expect((await j(limited)).error).toMatchObject({ type: 'requests', code: 'rate_limit_exceeded', param: null })

    fake.enqueue(openai.error(404))
    expect((await j(chat(hi))).error.message).toBe('The model `gpt-4o-mini` does not exist or you do not have access to it.')

    fake.enqueue(openai.streamError(3))
    const events = parseSse(await (await chat({ ...hi, stream: true })).text())
    expect(events).toHaveLength(4)
    expect(JSON.parse(events[3].data).error).toMatchObject({ type: 'server_error' })
  })

  it('validates like the real API', async () => {
    const cases: [Json, RegExp][] = [
      [{ model: 'gpt-4o-mini', messages: [] }, /empty array/],
      [{ model: 'gpt-4o-mini' }, /Missing required parameter: 'messages'/],
      [{ messages: hi.messages }, /you must provide a model parameter/],
      [{ ...hi, messages: [{ role: 'model', content: 'x' }] }, /Invalid value: 'model'/],
      [{ ...hi, messages: [{ role: 'user', content: 'x' }, { role: 'tool', tool_call_id: 'call_1', content: '1' }] }, /must be a response to a preceeding message with 'tool_calls'/],
      [
        {
          ...hi,
          messages: [
            { role: 'user', content: 'x' },
            { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } }] },
            { role: 'tool', tool_call_id: 'call_2', content: '1' },
          ],
        },
        /'tool_call_id' of 'call_2' not found/,
      ],
      [
        {
          ...hi,
          messages: [
            { role: 'user', content: 'x' },
            { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } }] },
            { role: 'user', content: 'y' },
          ],
        },
        /did not have response messages: call_1/,
      ],
      [{ ...hi, stream_options: { include_usage: true } }, /only allowed when 'stream' is enabled/],
    ]
    for (const [body, message] of cases) {
      const res = await chat(body)
      expect(res.status).toBe(400)
      const { error } = await j(res)
      expect(error.type).toBe('invalid_request_error')
      expect(error.message).toMatch(message)
    }
    const ok = await chat({
      ...hi,
      messages: [
        { role: 'user', content: 'x' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } }] },
        { role: 'tool', tool_call_id: 'call_1', content: 'sunny' },
      ],
    })
    expect((await j(ok)).choices[0].message.content).toBe('You said: sunny')
  })
})

describe('Anthropic messages', () => {
  it('answers with the real message shape, cache usage fields and a request-id', async () => {
    const res = await messages(claudeHi)
    expect(res.headers.get('request-id')).toMatch(/^req_011C/)
    const body = await j(res)
    expect(body).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-5',
      content: [{ type: 'text', text: 'You said: hi there' }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { cache_creation_input_tokens: 0, cache_read_input_tokens: 0, cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 } },
    })
    expect(body.id).toMatch(/^msg_01[1-9A-HJ-NP-Za-km-z]{22}$/)
  })

  it('streams the real event sequence with matching event names', async () => {
    const events = parseSse(await (await messages({ ...claudeHi, stream: true })).text())
    const types = events.map((e) => JSON.parse(e.data).type)
    expect(events.every((e) => e.event === JSON.parse(e.data).type)).toBe(true)
    expect(types.slice(0, 3)).toEqual(['message_start', 'content_block_start', 'ping'])
    expect(types.slice(-3)).toEqual(['content_block_stop', 'message_delta', 'message_stop'])
    const data = events.map((e) => JSON.parse(e.data))
    expect(data.filter((d) => d.type === 'content_block_delta').map((d) => d.delta.text).join('')).toBe('You said: hi there')
    expect(data.find((d) => d.type === 'message_delta')).toMatchObject({ delta: { stop_reason: 'end_turn' }, usage: { output_tokens: expect.any(Number) } })
  })

  it('counts tokens the same way it reports input usage', async () => {
    const count = await j(post('/v1/messages/count_tokens', { model: 'claude-sonnet-4-5', messages: claudeHi.messages }, ANTHROPIC_HEADERS))
    const message = await j(messages(claudeHi))
    expect(count).toEqual({ input_tokens: message.usage.input_tokens })
  })

  it('lists models in the Anthropic shape when asked with anthropic-version', async () => {
    const list = await j(fetch(`${fake.url}/v1/models`, { headers: ANTHROPIC_HEADERS }))
    expect(list).toMatchObject({ has_more: false, first_id: 'claude-sonnet-4-5-20250929' })
    expect(list.data[0]).toMatchObject({ type: 'model', display_name: 'Claude Sonnet 4.5', created_at: '2025-09-29T00:00:00Z' })
    const openaiList = await j(fetch(`${fake.url}/v1/models`))
    expect(openaiList).toMatchObject({ object: 'list', data: expect.arrayContaining([expect.objectContaining({ id: 'gpt-4o-mini', object: 'model' })]) })
  })

  it('signs thinking, accepts it back untouched and rejects it missing or altered', async () => {
    const request = fixture('anthropic-weather-request.json')
    fake.enqueue(anthropic.toolUse([{ name: 'get_weather', input: { city: 'Paris' } }], { thinking: 'I should look up Paris.' }))
    const first = await j(messages(request))
    expect(first.content.map((b: Json) => b.type)).toEqual(['thinking', 'tool_use'])
    expect(first.content[0].signature).toBe(fake.signThinking('I should look up Paris.'))
    expect(first.stop_reason).toBe('tool_use')

    const followUp = (assistantContent: Json[]) => ({
      ...request,
      messages: [
        ...request.messages,
        { role: 'assistant', content: assistantContent },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: first.content[1].id, content: '18°C and sunny' }] },
      ],
    })
    const ok = await messages(followUp(first.content))
    expect(ok.status).toBe(200)
    const okBody = await j(ok)
    expect(okBody.content[0].type).toBe('thinking')
    expect(okBody.content[1].text).toBe('You said: 18°C and sunny')

    const altered = await messages(followUp([{ ...first.content[0], thinking: 'I should look up London.' }, first.content[1]]))
    expect(altered.status).toBe(400)
    expect((await j(altered)).error).toEqual({ type: 'invalid_request_error', message: 'messages.1.content.0: Invalid `signature` in `thinking` block' })

    const { signature: _dropped, ...unsigned } = first.content[0]
    const missing = await j(messages(followUp([unsigned, first.content[1]])))
    expect(missing.error.message).toBe('messages.1.content.0.thinking.signature: Field required')

    const withoutThinking = await j(messages(followUp([first.content[1]])))
    expect(withoutThinking.error.message).toMatch(/^messages\.1\.content\.0\.type: Expected `thinking` or `redacted_thinking`, but found `tool_use`/)
  })

  it('streams thinking with a signature_delta and tool input as JSON fragments', async () => {
    fake.enqueue(anthropic.toolUse([{ name: 'get_weather', input: { city: 'Paris' } }], { thinking: 'Look it up.', stream: true }))
    const data = jsonEvents(await (await messages(fixture('anthropic-weather-request.json'))).text())
    const starts = data.filter((d) => d.type === 'content_block_start').map((d) => d.content_block)
    expect(starts[0]).toEqual({ type: 'thinking', thinking: '', signature: '' })
    expect(starts[1]).toMatchObject({ type: 'tool_use', name: 'get_weather', input: {} })
    const deltas = data.filter((d) => d.type === 'content_block_delta').map((d) => d.delta)
    expect(deltas.find((d) => d.type === 'signature_delta').signature).toBe(fake.signThinking('Look it up.'))
    expect(JSON.parse(deltas.filter((d) => d.type === 'input_json_delta').map((d) => d.partial_json).join(''))).toEqual({ city: 'Paris' })
  })

  it('issues redacted thinking it accepts back, and rejects forged data', async () => {
    fake.enqueue(anthropic.thinking('hidden', 'Answer.', { redacted: true }))
    const request = { ...claudeHi, max_tokens: 4096, thinking: { type: 'enabled', budget_tokens: 1024 } }
    const first = await j(messages(request))
    expect(first.content.map((b: Json) => b.type)).toEqual(['thinking', 'redacted_thinking', 'text'])
    const history = (content: Json[]) => ({ ...request, messages: [...request.messages, { role: 'assistant', content }, { role: 'user', content: 'more' }] })
    expect((await messages(history(first.content))).status).toBe(200)
    const forged = await j(messages(history([first.content[0], { type: 'redacted_thinking', data: 'Zm9yZ2Vk' }, first.content[2]])))
    expect(forged.error.message).toBe('messages.1.content.1: Invalid `data` in `redacted_thinking` block')
  })

  it('validates required fields, roles and tool pairing with the real messages', async () => {
    const cases: [Json, string][] = [
      [{ model: 'claude-sonnet-4-5', messages: claudeHi.messages }, 'max_tokens: Field required'],
      [{ ...claudeHi, messages: [] }, 'messages: at least one message is required'],
      [{ ...claudeHi, messages: [{ role: 'assistant', content: 'x' }] }, 'messages: first message must use the "user" role'],
      [
        { ...claudeHi, messages: [{ role: 'user', content: 'a' }, { role: 'user', content: 'b' }] },
        'messages: roles must alternate between "user" and "assistant", but found multiple "user" roles in a row',
      ],
      [{ ...claudeHi, messages: [{ role: 'user', content: [{ type: 'text', text: '' }] }] }, 'messages: text content blocks must be non-empty'],
      [
        {
          ...claudeHi,
          messages: [
            { role: 'user', content: 'a' },
            { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'f', input: {} }] },
            {
              role: 'user',
              content: [
                { type: 'tool_result', tool_use_id: 'toolu_1', content: 'x' },
                { type: 'tool_result', tool_use_id: 'toolu_2', content: 'y' },
              ],
            },
          ],
        },
        'messages.2.content.1: unexpected `tool_use_id` found in `tool_result` blocks: toolu_2. Each `tool_result` block must have a corresponding `tool_use` block in the previous message.',
      ],
      [{ ...claudeHi, thinking: { type: 'enabled', budget_tokens: 1024 } }, expect.stringMatching(/^`max_tokens` must be greater than `thinking.budget_tokens`/) as unknown as string],
      [{ ...claudeHi, messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'x' } }] }] }, expect.stringMatching(/Input tag 'image_url'/) as unknown as string],
    ]
    for (const [body, message] of cases) {
      const res = await messages(body)
      expect(res.status).toBe(400)
      expect(await j(res)).toMatchObject({ type: 'error', error: { type: 'invalid_request_error', message }, request_id: expect.stringMatching(/^req_/) })
    }
  })

  it('builds error replies and a mid-stream error event', async () => {
    fake.enqueue(anthropic.error(529))
    const overloaded = await messages(claudeHi)
    expect(overloaded.status).toBe(529)
    expect(await j(overloaded)).toMatchObject({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } })

    fake.enqueue(anthropic.streamError(3, 'overloaded_error'))
    const events = parseSse(await (await messages({ ...claudeHi, stream: true })).text())
    expect(events.map((e) => e.event)).toEqual(['message_start', 'content_block_start', 'ping', 'error'])
    expect(JSON.parse(events[3].data)).toEqual({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } })
  })

  it('reports configured cache usage in both shapes', async () => {
    const usage = { input: 10, output: 20, cacheRead: 300, cacheWrite: 40 }
    fake.enqueue(anthropic.text('cached', { usage }))
    expect((await j(messages(claudeHi))).usage).toMatchObject({
      input_tokens: 10,
      output_tokens: 20,
      cache_read_input_tokens: 300,
      cache_creation_input_tokens: 40,
      cache_creation: { ephemeral_5m_input_tokens: 40 },
    })
    fake.enqueue(openai.text('cached', { usage }))
    expect((await j(chat(hi))).usage).toMatchObject({ prompt_tokens: 350, completion_tokens: 20, total_tokens: 370, prompt_tokens_details: { cached_tokens: 300 } })
  })
})

describe('Gemini generateContent', () => {
  it('answers generateContent in the real shape', async () => {
    const body = await j(generate('gemini-2.5-flash', geminiHi))
    expect(body).toMatchObject({
      candidates: [{ content: { role: 'model', parts: [{ text: 'You said: hi there' }] }, finishReason: 'STOP', index: 0 }],
      usageMetadata: { promptTokenCount: expect.any(Number), candidatesTokenCount: expect.any(Number), totalTokenCount: expect.any(Number) },
      modelVersion: 'gemini-2.5-flash',
      responseId: expect.stringMatching(/^[\w-]{23}$/),
    })
    expect(body.candidates[0].content.parts[0].thoughtSignature).toBeUndefined()
  })

  it('streams CRLF-framed SSE chunks with cumulative usage and the finishReason last', async () => {
    const res = await generate('gemini-2.5-flash', geminiHi, true)
    expect(res.headers.get('content-type')).toBe('text/event-stream')
    const text = await res.text()
    expect(text).toContain('\r\n\r\n')
    const chunks = jsonEvents(text)
    expect(chunks.map((c) => c.candidates[0].content.parts.map((p: Json) => p.text).join('')).join('')).toBe('You said: hi there')
    expect(chunks.at(-1).candidates[0].finishReason).toBe('STOP')
    expect(chunks.slice(0, -1).every((c) => c.candidates[0].finishReason === undefined)).toBe(true)
    const counts = chunks.map((c) => c.usageMetadata.candidatesTokenCount)
    expect(counts).toEqual([...counts].sort((a, b) => a - b))
  })

  it('streams a JSON array without alt=sse', async () => {
    const text = await (await post('/v1beta/models/gemini-2.5-flash:streamGenerateContent', geminiHi, { 'content-type': 'application/json' })).text()
    const array = JSON.parse(text)
    expect(Array.isArray(array) && array.length > 1).toBe(true)
  })

  it('signs gemini-3 output and checks the signature on the next turn', async () => {
    const request = fixture('gemini-weather-request.json')
    fake.enqueue(gemini.functionCall([{ name: 'weather', args: { location: 'San Francisco' } }, { name: 'weather', args: { location: 'Boston' } }]))
    const first = await j(generate('gemini-3-pro-preview', request))
    const parts = first.candidates[0].content.parts
    expect(parts[0].thoughtSignature).toEqual(expect.any(String))
    expect(parts[1].thoughtSignature).toBeUndefined()
    expect(first.candidates[0].finishMessage).toBe('Model generated function call(s).')

    const next = (modelParts: Json[]) => ({
      ...request,
      contents: [
        ...request.contents,
        { role: 'model', parts: modelParts },
        {
          role: 'user',
          parts: [
            { functionResponse: { name: 'weather', response: { temp: 18 } } },
            { functionResponse: { name: 'weather', response: { temp: 9 } } },
          ],
        },
      ],
    })
    expect((await generate('gemini-3-pro-preview', next(parts))).status).toBe(200)
    const unsigned = parts.map(({ thoughtSignature: _s, ...p }: Json) => p)
    const rejected = await generate('gemini-3-pro-preview', next(unsigned))
    expect(rejected.status).toBe(400)
    expect((await j(rejected)).error).toMatchObject({
      code: 400,
      status: 'INVALID_ARGUMENT',
      message: expect.stringMatching(/^Function call is missing a thought_signature in functionCall parts\..*`default_api:weather` , position 2\./),
    })
    expect((await generate('gemini-2.5-flash', next(unsigned))).status).toBe(200)
    const forged = next([{ ...parts[0], thoughtSignature: 'bm90IGEgc2lnbmF0dXJl' }, parts[1]])
    expect((await generate('gemini-3-pro-preview', forged)).status).toBe(400)
    const tooFewAnswers = next(parts)
    tooFewAnswers.contents[2].parts.pop()
    expect((await j(generate('gemini-2.5-flash', tooFewAnswers))).error.message).toMatch(/number of function response parts/)
  })

  it('streams gemini-3 text with a trailing signed empty part, and thoughts when asked', async () => {
    const chunks = jsonEvents(await (await generate('gemini-3-pro-preview', geminiHi, true)).text())
    expect(chunks.at(-1).candidates[0].content.parts).toEqual([{ text: '', thoughtSignature: expect.any(String) }])

    fake.enqueue(gemini.thought('**Thinking**', 'Answer.', { usage: { reasoning: 7 } }))
    const body = await j(generate('gemini-2.5-pro', geminiHi))
    expect(body.candidates[0].content.parts).toEqual([{ text: '**Thinking**', thought: true }, { text: 'Answer.' }])
    expect(body.usageMetadata.thoughtsTokenCount).toBe(7)
  })

  it('builds 429 with RetryInfo, lists and counts', async () => {
    fake.enqueue(gemini.error(429, undefined, { retryDelay: '34.4s' }))
    const res = await generate('gemini-2.5-flash', geminiHi)
    expect(res.status).toBe(429)
    const { error } = await j(res)
    expect(error.status).toBe('RESOURCE_EXHAUSTED')
    expect(error.details).toContainEqual({ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '34.4s' })

    const list = await j(fetch(`${fake.url}/v1beta/models`))
    expect(list.models[0]).toMatchObject({ name: 'models/gemini-2.5-flash', supportedGenerationMethods: expect.arrayContaining(['generateContent']) })
    const count = await j(post('/v1beta/models/gemini-2.5-flash:countTokens', geminiHi, {}))
    expect(count.totalTokens).toBeGreaterThan(0)
  })

  it('rejects missing contents like the real API', async () => {
    const res = await generate('gemini-2.5-flash', { contents: [] })
    expect(res.status).toBe(400)
    expect((await j(res)).error.message).toContain('contents is not specified')
  })
})

describe('auth', () => {
  let secured: FakeUpstream
  beforeAll(async () => {
    secured = await startFakeUpstream({ apiKey: 'sk-secret-key-123' })
  })
  afterAll(() => secured.close())

  const at = (path: string, headers: Record<string, string>, body: unknown, method = 'POST') =>
    fetch(`${secured.url}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: method === 'GET' ? undefined : JSON.stringify(body) })

  it('checks each provider the way it really does', async () => {
    const table: [string, Record<string, string>, unknown, number, (b: Json) => unknown][] = [
      ['/v1/chat/completions', {}, hi, 401, (b) => b.error.message.startsWith("You didn't provide an API key")],
      ['/v1/chat/completions', { authorization: 'Bearer sk-wrong-key-999' }, hi, 401, (b) => b.error.code === 'invalid_api_key' && b.error.message.includes('sk-***********-999') === false],
      ['/v1/chat/completions', { authorization: 'Bearer sk-secret-key-123' }, hi, 200, (b) => b.object === 'chat.completion'],
      ['/v1/messages', { 'anthropic-version': '2023-06-01' }, claudeHi, 401, (b) => b.error.message === 'x-api-key header is required'],
      ['/v1/messages', { 'x-api-key': 'nope', 'anthropic-version': '2023-06-01' }, claudeHi, 401, (b) => b.error.type === 'authentication_error'],
      ['/v1/messages', { 'x-api-key': 'sk-secret-key-123' }, claudeHi, 400, (b) => b.error.message === 'anthropic-version: header is required'],
      ['/v1/messages', { 'x-api-key': 'sk-secret-key-123', 'anthropic-version': '2023-06-01' }, claudeHi, 200, (b) => b.type === 'message'],
      ['/v1beta/models/gemini-2.5-flash:generateContent', {}, geminiHi, 403, (b) => b.error.status === 'PERMISSION_DENIED'],
      ['/v1beta/models/gemini-2.5-flash:generateContent', { 'x-goog-api-key': 'nope' }, geminiHi, 400, (b) => b.error.details[0].reason === 'API_KEY_INVALID'],
      ['/v1beta/models/gemini-2.5-flash:generateContent', { 'x-goog-api-key': 'sk-secret-key-123' }, geminiHi, 200, (b) => b.candidates.length === 1],
      ['/v1beta/models/gemini-2.5-flash:generateContent?key=sk-secret-key-123', {}, geminiHi, 200, (b) => b.candidates.length === 1],
    ]
    for (const [path, headers, body, status, check] of table) {
      const res = await at(path, headers, body)
      const json = await j(res)
      expect({ path, headers, status: res.status, ok: check(json) }).toEqual({ path, headers, status, ok: true })
    }
    expect(secured.requests.filter((r) => r.rejection).length).toBe(7)
  })
})

describe('scripting, prefixes and recording', () => {
  it('consumes queued replies in order, per route, and leaves model listings alone', async () => {
    fake.enqueue(anthropic.text('for anthropic'), { route: 'anthropic.messages' })
    fake.enqueue(openai.text('first'))
    fake.enqueue(openai.text('second'))
    expect(fake.pendingReplies()).toBe(3)
    await fetch(`${fake.url}/v1/models`)
    expect((await j(chat(hi))).choices[0].message.content).toBe('first')
    expect((await j(messages(claudeHi))).content[0].text).toBe('for anthropic')
    expect((await j(chat(hi))).choices[0].message.content).toBe('second')
    expect((await j(chat(hi))).choices[0].message.content).toBe('You said: hi there')
    expect(fake.pendingReplies()).toBe(0)
  })

  it('routes by path prefix and records it', async () => {
    fake.alwaysReply({ error: 500 }, { prefix: '/broken' })
    fake.enqueue(openai.reasoning('r', 'from deepseek'), { prefix: '/deepseek' })
    const broken = await fetch(`${fake.baseURL('openai', '/broken')}/chat/completions`, { method: 'POST', headers: OPENAI_HEADERS, body: JSON.stringify(hi) })
    expect(broken.status).toBe(500)
    expect((await j(broken)).error.type).toBe('server_error')
    const deep = await j(post('/deepseek/v1/chat/completions', hi))
    expect(deep.choices[0].message.content).toBe('from deepseek')
    expect(fake.requests.map((r) => [r.prefix, r.route])).toEqual([
      ['/broken', 'openai.chat'],
      ['/deepseek', 'openai.chat'],
    ])
    expect((await chat(hi)).status).toBe(200)
  })

  it('takes dynamic replies that see the request', async () => {
    fake.enqueue((req) => (req.stream ? { error: 503 } : openai.text(`model was ${req.model}`)))
    expect((await j(chat(hi))).choices[0].message.content).toBe('model was gpt-4o-mini')
  })

  it('records method, path, lower-case headers and the byte-exact body', async () => {
    const raw = '{ "model":"gpt-4o-mini",\n  "messages":[{"role":"user","content":"héllo ✓"}] }'
    await post('/v1/chat/completions?trace=1', raw, { 'Content-Type': 'application/json', 'X-Custom': 'Yes' })
    const [rec] = await fake.waitForRequests(1)
    expect(rec).toMatchObject({ index: 0, method: 'POST', path: '/v1/chat/completions?trace=1', route: 'openai.chat', model: 'gpt-4o-mini', stream: false, status: 200, aborted: false })
    expect(rec.rawBody).toBe(raw)
    expect(rec.headers['x-custom']).toBe('Yes')
    expect(rec.json).toEqual(JSON.parse(raw))
    expect(rec.receivedAt).toBeLessThanOrEqual(Date.now())
  })

  it('sends raw bodies, malformed SSE and unknown routes', async () => {
    fake.enqueue({ raw: '<html><body>Bad gateway</body></html>', contentType: 'text/html', status: 200 })
    const html = await chat(hi)
    expect(html.headers.get('content-type')).toBe('text/html')
    expect(await html.text()).toContain('<html>')

    fake.enqueue({ sse: ['data: {"id":"x","choi\n\n', { data: { ok: true } }] })
    expect(await (await chat({ ...hi, stream: true })).text()).toBe('data: {"id":"x","choi\n\ndata: {"ok":true}\n\n')

    const missing = await post('/v1/embeddings', {})
    expect(missing.status).toBe(404)
    expect((await j(missing)).error.message).toBe('Invalid URL (POST /v1/embeddings)')
  })

  it('reset forgets requests and replies', async () => {
    fake.enqueue(openai.text('never'))
    await chat(hi)
    fake.enqueue(openai.text('dropped'))
    fake.reset()
    expect(fake.requests).toHaveLength(0)
    expect(fake.pendingReplies()).toBe(0)
    expect((await j(chat(hi))).choices[0].message.content).toBe('You said: hi there')
    expect(fake.requests[0].index).toBe(0)
  })

  it('times out waiting for a request that never comes', async () => {
    await expect(fake.waitForRequest(1, 50)).rejects.toThrow(/timed out/)
  })
})

describe('timing, resets and aborts', () => {
  it('delays the first byte and each chunk', async () => {
    fake.enqueue(openai.text('a b c d', { firstByteDelayMs: 120, chunkDelayMs: 40 }))
    const started = Date.now()
    const res = await chat({ ...hi, stream: true })
    const headersAt = Date.now() - started
    const reader = res.body!.getReader()
    await reader.read()
    const firstByteAt = Date.now() - started
    while (!(await reader.read()).done);
    const doneAt = Date.now() - started
    expect(headersAt).toBeLessThan(100)
    expect(firstByteAt).toBeGreaterThanOrEqual(110)
    expect(doneAt - firstByteAt).toBeGreaterThanOrEqual(4 * 40 - 15)
  })

  it('delays the response head with delayMs', async () => {
    fake.enqueue({ delayMs: 150 })
    const started = Date.now()
    const res = await chat(hi)
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
    expect((await j(res)).choices[0].message.content).toBe('You said: hi there')
  })

  it('resets the socket before answering, or cuts a stream mid-body', async () => {
    fake.enqueue({ destroy: true })
    await expect(chat(hi)).rejects.toThrow()
    fake.enqueue(openai.text('one two three', { ending: 'reset' }))
    const res = await chat({ ...hi, stream: true })
    await expect(res.text()).rejects.toThrow()
    expect(fake.requests.every((r) => !r.aborted)).toBe(true)
  })

  it('detects a client abort during a stream within 100 ms', async () => {
    fake.enqueue(anthropic.text('never ending', { ending: 'hang' }))
    const controller = new AbortController()
    const res = await messages({ ...claudeHi, stream: true }, { signal: controller.signal })
    const reader = res.body!.getReader()
    await reader.read()
    const abortedByClient = Date.now()
    controller.abort()
    const abortedAt = await fake.waitForAbort(fake.requests[0])
    expect(abortedAt - abortedByClient).toBeLessThan(100)
    expect(fake.requests[0].aborted).toBe(true)
    expect(fake.requests[0].finishedAt).toBeUndefined()
  })

  it('detects a client giving up on a request that hangs before headers', async () => {
    fake.enqueue({ hang: true })
    await expect(chat(hi, { signal: AbortSignal.timeout(80) })).rejects.toThrow()
    const abortedAt = await fake.waitForAbort()
    expect(abortedAt - fake.requests[0].receivedAt).toBeGreaterThanOrEqual(70)
  })
})

describe('fast mode', () => {
  it('answers from precomputed bodies and streams N chunks at an interval, recording nothing', async () => {
    const bench = await startFakeUpstream({ fast: { chunks: 6, intervalMs: 10 } })
    try {
      const url = `${bench.url}/v1/chat/completions`
      const body = await j(fetch(url, { method: 'POST', body: JSON.stringify(hi) }))
      expect(body.choices[0].message.content).toBe('Fast token1 token2 token3 token4 token5')
      const started = Date.now()
      const chunks = jsonEvents(await (await fetch(url, { method: 'POST', body: JSON.stringify({ ...hi, stream: true }) })).text())
      expect(Date.now() - started).toBeGreaterThanOrEqual(6 * 10)
      expect(chunks.filter((c) => c.choices[0]?.delta.content).length).toBe(6)
      const events = parseSse(await (await fetch(`${bench.url}/v1/messages`, { method: 'POST', headers: ANTHROPIC_HEADERS, body: JSON.stringify({ stream: true }) })).text())
      expect(events[0].event).toBe('message_start')
      const geminiChunks = jsonEvents(await (await fetch(`${bench.url}/v1beta/models/x:streamGenerateContent?alt=sse`, { method: 'POST', body: '{}' })).text())
      expect(geminiChunks.at(-1).candidates[0].finishReason).toBe('STOP')
      expect(bench.requestCount).toBe(4)
      expect(bench.requests).toHaveLength(0)
    } finally {
      await bench.close()
    }
  })
})

describe('the official SDKs accept what the fake sends', () => {
  it('OpenAI SDK: completions, streamed tool calls and usage', async () => {
    const client = new OpenAI({ baseURL: fake.baseURL('openai'), apiKey: 'sk-test', maxRetries: 0 })
    const completion = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi there' }] })
    expect(completion.choices[0].message.content).toBe('You said: hi there')

    fake.enqueue(openai.toolCalls([{ name: 'get_current_weather', arguments: { location: 'Boston, MA' } }], { text: 'Checking.' }))
    const stream = client.chat.completions.stream({ ...(fixture('openai-weather-request.json') as OpenAI.ChatCompletionCreateParamsStreaming), stream_options: { include_usage: true } })
    const final = await stream.finalChatCompletion()
    expect(final.choices[0].message).toMatchObject({ content: 'Checking.', tool_calls: [{ function: { name: 'get_current_weather', arguments: '{"location":"Boston, MA"}' } }] })
    expect(final.usage?.total_tokens).toBeGreaterThan(0)

    fake.enqueue(openai.error(429))
    await expect(client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({ status: 429, code: 'rate_limit_exceeded' })
  })

  it('Anthropic SDK: a streamed thinking + tool_use turn goes back through the SDK and validates', async () => {
    const client = new Anthropic({ baseURL: fake.baseURL('anthropic'), apiKey: 'sk-ant-test', maxRetries: 0 })
    const request = fixture('anthropic-weather-request.json') as Anthropic.MessageCreateParamsNonStreaming
    fake.enqueue(anthropic.toolUse([{ name: 'get_weather', input: { city: 'Paris' } }], { thinking: 'Paris weather, then.' }))
    const first = await client.messages.stream(request).finalMessage()
    expect(first.content.map((b) => b.type)).toEqual(['thinking', 'tool_use'])
    const toolUse = first.content[1] as Anthropic.ToolUseBlock
    expect(toolUse.input).toEqual({ city: 'Paris' })
    const second = await client.messages.create({
      ...request,
      messages: [
        ...request.messages,
        { role: 'assistant', content: first.content },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: toolUse.id, content: 'Sunny' }] },
      ],
    })
    expect(second.content.at(-1)).toMatchObject({ type: 'text', text: 'You said: Sunny' })

    fake.enqueue(anthropic.streamError(4))
    await expect(client.messages.stream({ ...request, thinking: undefined }).finalMessage()).rejects.toThrow(/Overloaded/)
  })
})
