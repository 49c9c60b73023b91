import { describe, expect, it } from 'vitest'
import { fixtureText } from '../../../test/fixtures/openai-chat/load.js'
import { errorFromUpstream, retryAfterMs } from './upstream-error.js'

describe('errorFromUpstream', () => {
  it.each([
    {
      fixture: 'errors/openai-400-unsupported-parameter.json',
      status: 400,
      expected: {
        kind: 'invalid_request',
        message: "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
        upstreamType: 'invalid_request_error',
        code: 'unsupported_parameter',
        param: 'max_tokens',
      },
    },
    {
      fixture: 'errors/openai-404-model-not-found.json',
      status: 404,
      expected: { kind: 'not_found', upstreamType: 'invalid_request_error', code: 'model_not_found', param: undefined },
    },
    {
      fixture: 'errors/openai-429-rate-limit.json',
      status: 429,
      expected: { kind: 'rate_limit', upstreamType: 'tokens', code: 'rate_limit_exceeded' },
    },
    {
      fixture: 'errors/ollama-404.json',
      status: 404,
      expected: { kind: 'not_found', message: 'model "llama9:70b" not found, try pulling it first', upstreamType: undefined },
    },
    {
      fixture: 'errors/vllm-400.json',
      status: 400,
      expected: { kind: 'invalid_request', message: "This model's maximum context length is 8192 tokens. However, you requested 9120 tokens.", upstreamType: 'BadRequestError', code: undefined },
    },
    {
      fixture: 'errors/gemini-compat-429.json',
      status: 429,
      expected: { kind: 'rate_limit', message: 'Resource has been exhausted (e.g. check quota).' },
    },
    {
      fixture: 'errors/fastapi-422.json',
      status: 422,
      expected: { kind: 'unprocessable', message: 'Field required' },
    },
    {
      fixture: 'errors/cloudflare-502.html',
      status: 502,
      expected: { kind: 'bad_gateway', message: 'Upstream returned HTTP 502: 502 Bad Gateway' },
    },
  ])('$fixture', ({ fixture, status, expected }) => {
    const body = fixtureText(fixture)
    const error = errorFromUpstream(status, body, {})
    expect(error).toMatchObject({ ...expected, status, upstreamFormat: 'openai', upstreamBody: body })
  })

  it.each([
    { name: 'an empty body', body: '', message: 'Upstream returned HTTP 503' },
    { name: 'short plain text', body: 'upstream connect error or disconnect/reset before headers\n', message: 'Upstream returned HTTP 503: upstream connect error or disconnect/reset before headers' },
    { name: 'an HTML page without a title', body: '<html><body><h1>Service Unavailable</h1></body></html>', message: 'Upstream returned HTTP 503 (an HTML error page)' },
    { name: 'JSON without a message', body: '{"status":"down"}', message: 'Upstream returned HTTP 503' },
  ])('gives a short readable message for $name', ({ body, message }) => {
    const error = errorFromUpstream(503, body, {})
    expect(error.kind).toBe('overloaded')
    expect(error.message).toBe(message)
  })

  it('cuts long plain text', () => {
    const error = errorFromUpstream(500, 'x'.repeat(5000), {})
    expect(error.message.length).toBeLessThan(260)
    expect(error.kind).toBe('api_error')
  })

  it('reads retry-after headers', () => {
    expect(errorFromUpstream(429, fixtureText('errors/openai-429-rate-limit.json'), { 'retry-after': '2' }).retryAfterMs).toBe(2000)
  })
})

describe('retryAfterMs', () => {
  const now = Date.parse('2026-03-01T12:00:00Z')
  it.each<{ headers: Record<string, string>; expected: number | undefined }>([
    { headers: {}, expected: undefined },
    { headers: { 'retry-after': '3' }, expected: 3000 },
    { headers: { 'Retry-After': '0.5' }, expected: 500 },
    { headers: { 'retry-after-ms': '1472', 'retry-after': '2' }, expected: 1472 },
    { headers: { 'retry-after': 'Sun, 01 Mar 2026 12:00:07 GMT' }, expected: 7000 },
    { headers: { 'retry-after': 'soon' }, expected: undefined },
  ])('$headers -> $expected', ({ headers, expected }) => {
    expect(retryAfterMs(headers, now)).toBe(expected)
  })
})
