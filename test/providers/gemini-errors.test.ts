/**
 * Gemini's refusals and failures as each client format reports them: SAFETY
 * finishes, prompts blocked outright (promptFeedback.blockReason), and Google's
 * error envelopes (bad key, quota with RetryInfo, overload, mid-stream errors).
 */
import Anthropic from '@anthropic-ai/sdk'
import OpenAI from 'openai'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { gemini } from '../support/fake-upstream.js'
import { startHarness, type ProviderHarness } from './setup.js'

let h: ProviderHarness
beforeAll(async () => {
  h = await startHarness((fake) => ({ badkey: { type: 'gemini', baseURL: fake.baseURL('gemini'), apiKey: 'AIza-wrong-key' } }))
})
afterAll(() => h.close())
afterEach(() => h.fake.reset())

const MODEL = 'google/gemini-2.5-flash'
const ask = { role: 'user' as const, content: 'something risky' }

const chat = (stream: boolean, model = MODEL) => h.openai.chat.completions.create({ model, messages: [ask], stream }) as Promise<unknown>
const messages = (stream: boolean, model = MODEL) => h.anthropic.messages.create({ model, max_tokens: 100, messages: [ask], stream }) as Promise<unknown>

/** Drain a stream (SDK stream objects are async iterables); resolves to the error the SDK threw, if any. */
async function failure(call: Promise<unknown>): Promise<any> {
  try {
    const result = await call
    if (result && typeof (result as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
      for await (const _ of result as AsyncIterable<unknown>) void _
    }
  } catch (error) {
    return error
  }
  throw new Error('expected the call to fail')
}

describe('SAFETY finish', () => {
  it('OpenAI: finish_reason content_filter, stream and not', async () => {
    h.fake.enqueue(gemini.text('I can only say', { stop: 'content_filter' }))
    const completion = await h.openai.chat.completions.create({ model: MODEL, messages: [ask] })
    expect(completion.choices[0].finish_reason).toBe('content_filter')

    h.fake.enqueue(gemini.text('I can only say', { stop: 'content_filter' }))
    const final = await h.openai.chat.completions.stream({ model: MODEL, messages: [ask] }).finalChatCompletion()
    expect(final.choices[0].finish_reason).toBe('content_filter')
    expect(final.choices[0].message.content).toBe('I can only say')
  })

  it('Anthropic: stop_reason refusal, stream and not', async () => {
    h.fake.enqueue(gemini.text('I can only say', { stop: 'content_filter' }))
    const message = await h.anthropic.messages.create({ model: MODEL, max_tokens: 100, messages: [ask] })
    expect(message.stop_reason).toBe('refusal')

    h.fake.enqueue(gemini.text('I can only say', { stop: 'content_filter' }))
    const streamed = await h.anthropic.messages.stream({ model: MODEL, max_tokens: 100, messages: [ask] }).finalMessage()
    expect(streamed.stop_reason).toBe('refusal')
  })
})

describe('a prompt Gemini blocks outright (no candidates, promptFeedback.blockReason)', () => {
  const blocked = {
    promptFeedback: {
      blockReason: 'PROHIBITED_CONTENT',
      safetyRatings: [{ category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'HIGH' }],
    },
    usageMetadata: { promptTokenCount: 9, totalTokenCount: 9 },
    modelVersion: 'gemini-2.5-flash',
    responseId: 'blockedResp01',
  }
  const reply = () => (req: { stream: boolean }) => (req.stream ? { sse: [{ data: blocked }], lineEnding: '\r\n' as const } : { json: blocked })

  it.each([false, true])('OpenAI (stream: %s): a 400 invalid_request_error naming the block reason', async (stream) => {
    h.fake.enqueue(reply())
    const error = await failure(chat(stream))
    expect(error).toBeInstanceOf(OpenAI.BadRequestError)
    expect(error.status).toBe(400)
    expect(error.type).toBe('invalid_request_error')
    expect(error.code).toBe('content_filter')
    expect(error.message).toMatch(/prompt blocked by Gemini: PROHIBITED_CONTENT/)
  })

  it.each([false, true])('Anthropic (stream: %s): a 400 invalid_request_error naming the block reason', async (stream) => {
    h.fake.enqueue(reply())
    const error = await failure(messages(stream))
    expect(error).toBeInstanceOf(Anthropic.BadRequestError)
    expect(error.error).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } })
    expect(error.message).toMatch(/prompt blocked by Gemini: PROHIBITED_CONTENT/)
  })
})

describe('Gemini error envelopes', () => {
  it('400 API_KEY_INVALID (a wrong key) is an authentication error: OpenAI 401', async () => {
    const error = await failure(chat(false, 'badkey/gemini-2.5-flash'))
    expect(h.fake.requests[0].rejection).toMatch(/API key not valid/)
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError)
    expect(error.status).toBe(401)
    expect(error.message).toMatch(/API key not valid/)
  })

  it('400 API_KEY_INVALID: Anthropic 401 authentication_error, streamed request too', async () => {
    const error = await failure(messages(true, 'badkey/gemini-2.5-flash'))
    expect(error).toBeInstanceOf(Anthropic.AuthenticationError)
    expect(error.error).toMatchObject({ type: 'error', error: { type: 'authentication_error' } })
  })

  it('429 RESOURCE_EXHAUSTED with RetryInfo: 429 and retry-after in both envelopes', async () => {
    h.fake.enqueue(gemini.error(429, undefined, { retryDelay: '7.2s' }))
    const openaiError = await failure(chat(false))
    expect(openaiError).toBeInstanceOf(OpenAI.RateLimitError)
    // OpenAI's own 429 body: type names the limit, code says what happened.
    expect(openaiError).toMatchObject({ status: 429, type: 'requests', code: 'rate_limit_exceeded' })
    expect(openaiError.headers.get('retry-after')).toBe('8')

    h.fake.enqueue(gemini.error(429, undefined, { retryDelay: '7.2s' }))
    const anthropicError = await failure(messages(true))
    expect(anthropicError).toBeInstanceOf(Anthropic.RateLimitError)
    expect(anthropicError.error).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' } })
    expect(anthropicError.headers.get('retry-after')).toBe('8')
  })

  it('503 UNAVAILABLE is overloaded: OpenAI 503, Anthropic 529 overloaded_error', async () => {
    h.fake.enqueue(gemini.error(503))
    const openaiError = await failure(chat(true))
    expect(openaiError.status).toBe(503)
    expect(openaiError.message).toMatch(/overloaded/)

    h.fake.enqueue(gemini.error(503))
    const anthropicError = await failure(messages(false))
    expect(anthropicError.status).toBe(529)
    expect(anthropicError.error).toMatchObject({ type: 'error', error: { type: 'overloaded_error' } })
  })

  it('an error envelope as a stream’s first chunk is answered with its HTTP status, not a failing 200 stream', async () => {
    h.fake.enqueue(gemini.streamError(0, 503))
    const openaiError = await failure(chat(true))
    expect(openaiError).toBeInstanceOf(OpenAI.InternalServerError)
    expect(openaiError.status).toBe(503)

    h.fake.enqueue(gemini.streamError(0, 503))
    const anthropicError = await failure(messages(true))
    expect(anthropicError.status).toBe(529)
    expect(anthropicError.error).toMatchObject({ type: 'error', error: { type: 'overloaded_error' } })
  })

  it('an error envelope mid-stream becomes each format’s in-stream error event', async () => {
    h.fake.enqueue(gemini.streamError(2, 500, 'Internal error encountered.', { text: 'one two three four' }))
    const openaiError = await failure(chat(true))
    expect(openaiError).toBeInstanceOf(OpenAI.APIError)
    expect(openaiError.message).toMatch(/Internal error encountered/)

    h.fake.enqueue(gemini.streamError(2, 500, 'Internal error encountered.', { text: 'one two three four' }))
    const anthropicError = await failure(messages(true))
    expect(anthropicError).toBeInstanceOf(Anthropic.APIError)
    expect(anthropicError.error).toMatchObject({ type: 'error', error: { type: 'api_error', message: 'Internal error encountered.' } })
  })
})
