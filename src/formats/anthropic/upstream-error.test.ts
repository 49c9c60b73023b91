import { describe, expect, it } from 'vitest'
import { fixtureText } from '../../../test/fixtures/anthropic/load.js'
import { errorFromUpstream, retryAfterMs } from './upstream-error.js'

describe('errorFromUpstream', () => {
  it.each([
    ['errors/invalid-request.json', 400, 'invalid_request', 'invalid_request_error', 'prompt is too long: 204811 tokens > 200000 maximum'],
    ['errors/overloaded.json', 529, 'overloaded', 'overloaded_error', 'Overloaded'],
    ['errors/rate-limit.json', 429, 'rate_limit', 'rate_limit_error', 'This request would exceed the rate limit for your organization of 50,000 input tokens per minute.'],
  ])('%s (%i) keeps type and message', (file, status, kind, type, message) => {
    const error = errorFromUpstream(status, fixtureText(file), {})
    expect(error).toMatchObject({ kind, status, upstreamType: type, message, upstreamFormat: 'anthropic' })
  })

  it('turns an HTML error page into a short readable message', () => {
    const error = errorFromUpstream(502, fixtureText('errors/cloudflare-502.html'), {})
    expect(error.kind).toBe('bad_gateway')
    expect(error.message).toBe('Anthropic returned HTTP 502 with an HTML page: 502 Bad Gateway')
    expect(error.upstreamType).toBeUndefined()
  })

  it('shortens long plain text bodies', () => {
    const error = errorFromUpstream(500, `upstream connect error ${'x'.repeat(500)}`, {})
    expect(error.message.startsWith('Anthropic returned HTTP 500: upstream connect error')).toBe(true)
    expect(error.message.length).toBeLessThan(260)
  })

  it('uses an empty body status line', () => {
    expect(errorFromUpstream(503, '', {}).message).toBe('Anthropic returned HTTP 503')
  })

  it('reads retry-after', () => {
    expect(errorFromUpstream(429, fixtureText('errors/rate-limit.json'), { 'Retry-After': '17' }).retryAfterMs).toBe(17_000)
  })
})

describe('retryAfterMs', () => {
  const now = Date.parse('2026-01-01T00:00:00Z')
  it.each([
    [{ 'retry-after': '3' }, 3000],
    [{ 'retry-after': '0.5' }, 500],
    [{ 'retry-after-ms': '250', 'retry-after': '9' }, 250],
    [{ 'retry-after': 'Thu, 01 Jan 2026 00:00:10 GMT' }, 10_000],
    [{ 'retry-after': 'soon' }, undefined],
    [{}, undefined],
  ])('%o -> %s', (headers, expected) => {
    expect(retryAfterMs(headers, now)).toBe(expected)
  })
})
