/**
 * Upstream errors, end to end: each client sees the error in its own envelope,
 * and the official SDK raises the error class it would raise for its own API.
 * Status and type are mapped across formats (429 <-> rate_limit_error, Anthropic's
 * 529 overloaded <-> OpenAI's 503 server_error ...); the upstream's message and
 * retry-after travel with them. Same-format cells relay the upstream's body.
 * Errors after a stream started arrive as the client format's in-stream error.
 */
import Anthropic from '@anthropic-ai/sdk'
import OpenAI from 'openai'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { anthropic, openai, type ReplySpec } from '../support/fake-upstream.js'
import { askAnthropic, askOpenAI, type ClientKind, type Harness, MODEL, type Mode, type ProviderKind, startHarness } from './harness.js'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterEach(() => h.fake.reset())
afterAll(() => h.close())

type ErrorClass = abstract new (...args: never[]) => Error

interface Expected {
  class: ErrorClass
  status: number | undefined
  /** The envelope's `error.type`, per provider kind when the passthrough relays the upstream's own. */
  type: string | Record<ProviderKind, string>
  code?: string
}

interface ErrorCase {
  name: string
  /** The upstream's status: OpenAI says "overloaded" with 503, Anthropic with 529. */
  status: Record<ProviderKind, number>
  openai: Expected
  anthropic: Expected
}

const MESSAGE = 'upstream says no'

const HTTP_ERRORS: ErrorCase[] = [
  {
    name: '400 invalid request',
    status: { openai: 400, anthropic: 400 },
    openai: { class: OpenAI.BadRequestError, status: 400, type: 'invalid_request_error' },
    anthropic: { class: Anthropic.BadRequestError, status: 400, type: 'invalid_request_error' },
  },
  {
    name: '401 bad provider key',
    status: { openai: 401, anthropic: 401 },
    // OpenAI itself calls a bad key invalid_request_error (code invalid_api_key).
    openai: { class: OpenAI.AuthenticationError, status: 401, type: { openai: 'invalid_request_error', anthropic: 'authentication_error' } },
    anthropic: { class: Anthropic.AuthenticationError, status: 401, type: 'authentication_error' },
  },
  {
    name: '403 permission',
    status: { openai: 403, anthropic: 403 },
    openai: { class: OpenAI.PermissionDeniedError, status: 403, type: { openai: 'request_forbidden', anthropic: 'permission_error' } },
    anthropic: { class: Anthropic.PermissionDeniedError, status: 403, type: 'permission_error' },
  },
  {
    name: '404 not found',
    status: { openai: 404, anthropic: 404 },
    openai: { class: OpenAI.NotFoundError, status: 404, type: 'invalid_request_error' },
    anthropic: { class: Anthropic.NotFoundError, status: 404, type: 'not_found_error' },
  },
  {
    name: '429 rate limit',
    status: { openai: 429, anthropic: 429 },
    openai: { class: OpenAI.RateLimitError, status: 429, type: 'requests', code: 'rate_limit_exceeded' },
    anthropic: { class: Anthropic.RateLimitError, status: 429, type: 'rate_limit_error' },
  },
  {
    name: '500 server error',
    status: { openai: 500, anthropic: 500 },
    openai: { class: OpenAI.InternalServerError, status: 500, type: 'server_error' },
    anthropic: { class: Anthropic.InternalServerError, status: 500, type: 'api_error' },
  },
  {
    name: 'overloaded (OpenAI 503 / Anthropic 529)',
    status: { openai: 503, anthropic: 529 },
    openai: { class: OpenAI.InternalServerError, status: 503, type: 'server_error' },
    anthropic: { class: Anthropic.OverloadedError, status: 529, type: 'overloaded_error' },
  },
]

function upstreamError(provider: ProviderKind, status: number): ReplySpec {
  return provider === 'openai'
    ? openai.error(status, { message: MESSAGE, retryAfter: 7 })
    : anthropic.error(status, undefined, MESSAGE, { retryAfter: 7 })
}

/** The same small request through either client; resolves with what it threw. */
async function failure(client: ClientKind, provider: ProviderKind, mode: Mode): Promise<Error & Record<string, unknown>> {
  const call =
    client === 'openai'
      ? askOpenAI(h, MODEL[provider], { messages: [{ role: 'user', content: 'one two three four five six' }] }, mode)
      : askAnthropic(h, MODEL[provider], { max_tokens: 64, messages: [{ role: 'user', content: 'one two three four five six' }] }, mode)
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  if (!(error instanceof Error)) throw new Error('expected the call to fail')
  return error as Error & Record<string, unknown>
}

function expectError(error: Error & Record<string, unknown>, expected: Expected, provider: ProviderKind): void {
  expect(error).toBeInstanceOf(expected.class)
  expect(error.status).toBe(expected.status)
  expect(error.type).toBe(typeof expected.type === 'string' ? expected.type : expected.type[provider])
  if (expected.code) expect(error.code).toBe(expected.code)
}

const CELLS = (['openai', 'anthropic'] as const).flatMap((client) =>
  (['openai', 'anthropic'] as const).flatMap((provider) => (['json', 'stream'] as const).map((mode) => ({ client, provider, mode }))),
)

describe.each(CELLS)('$client client <- $provider provider ($mode)', ({ client, provider, mode }) => {
  it.each(HTTP_ERRORS)('$name', async (errorCase) => {
    h.fake.enqueue(upstreamError(provider, errorCase.status[provider]))
    const error = await failure(client, provider, mode)
    expectError(error, errorCase[client], provider)
    // The upstream's own words and its retry-after reach the client; one attempt only.
    expect(JSON.stringify(error.error)).toContain(MESSAGE)
    expect((error.headers as Headers).get('retry-after')).toBe('7')
    expect(h.fake.requests).toHaveLength(1)
  })
})

interface StreamErrorCase {
  provider: ProviderKind
  reply: ReplySpec
  openai: Expected
  anthropic: Expected
}

const STREAM_ERRORS: StreamErrorCase[] = [
  {
    provider: 'openai',
    reply: openai.streamError(3, { message: MESSAGE }),
    openai: { class: OpenAI.APIError, status: undefined, type: 'server_error' },
    anthropic: { class: Anthropic.APIError, status: undefined, type: 'api_error' },
  },
  {
    provider: 'anthropic',
    reply: anthropic.streamError(4, 'overloaded_error', MESSAGE),
    openai: { class: OpenAI.APIError, status: undefined, type: 'server_error' },
    anthropic: { class: Anthropic.APIError, status: undefined, type: 'overloaded_error' },
  },
]

describe.each(['openai', 'anthropic'] as const)('%s client, error in the middle of a stream', (client) => {
  it.each(STREAM_ERRORS)('from the $provider provider: an in-stream error, not a truncated stream', async (errorCase) => {
    h.fake.enqueue(errorCase.reply)
    const error = await failure(client, errorCase.provider, 'stream')
    expectError(error, errorCase[client], errorCase.provider)
    expect(JSON.stringify(error.error)).toContain(MESSAGE)
    // The stream had started: the headers said 200 before the error event.
    expect(h.fake.requests[0].status).toBe(200)
  })
})
