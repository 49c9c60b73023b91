import { describe, expect, it } from 'vitest'
import { fixtureText } from '../../../test/fixtures/gemini/load.js'
import { errorFromUpstream } from './errors.js'

describe('Gemini errorFromUpstream', () => {
  it.each([
    ['error-429-retry-info.json', 429, 'rate_limit', 'RESOURCE_EXHAUSTED', 21_700],
    ['error-503-overloaded.json', 503, 'overloaded', 'UNAVAILABLE', undefined],
    ['error-400-schema.json', 400, 'invalid_request', 'INVALID_ARGUMENT', undefined],
    ['error-404-model.json', 404, 'not_found', 'NOT_FOUND', undefined],
    ['error-504-deadline.json', 504, 'timeout', 'DEADLINE_EXCEEDED', undefined],
  ] as const)('%s -> %s %s', (fixture, status, kind, upstreamType, retryAfterMs) => {
    const body = fixtureText(fixture)
    const error = errorFromUpstream(status, body, {})
    expect(error.kind).toBe(kind)
    expect(error.status).toBe(status)
    expect(error.upstreamType).toBe(upstreamType)
    expect(error.retryAfterMs).toBe(retryAfterMs)
    expect(error.message).toBe(JSON.parse(body).error.message)
    expect(error.upstreamBody).toBe(body)
    expect(error.upstreamFormat).toBe('gemini')
  })

  it('a bad API key (400 INVALID_ARGUMENT + ErrorInfo API_KEY_INVALID) is an authentication error', () => {
    const error = errorFromUpstream(400, fixtureText('error-400-api-key.json'), {})
    expect(error.kind).toBe('authentication')
    expect(error.status).toBe(401)
    expect(error.message).toBe('API key not valid. Please pass a valid API key.')
  })

  it('uses the retry-after header when the body has no RetryInfo', () => {
    const error = errorFromUpstream(503, fixtureText('error-503-overloaded.json'), { 'Retry-After': '7' })
    expect(error.retryAfterMs).toBe(7000)
  })

  it('prefers RetryInfo over the header', () => {
    const error = errorFromUpstream(429, fixtureText('error-429-retry-info.json'), { 'retry-after': '60' })
    expect(error.retryAfterMs).toBe(21_700)
  })

  it('turns an HTML error page into a short readable message', () => {
    const error = errorFromUpstream(502, fixtureText('error-502.html'), {})
    expect(error.kind).toBe('bad_gateway')
    expect(error.message).toMatch(/^Gemini returned HTTP 502: Error 502 \(Server Error\)!!1 502\. That’s an error\./)
    expect(error.message.length).toBeLessThan(240)
    expect(error.message).not.toContain('<')
  })

  it('describes an empty body', () => {
    expect(errorFromUpstream(500, '', {}).message).toBe('Gemini returned HTTP 500 with an empty body')
  })

  it('reads the array-wrapped envelope of non-SSE streaming', () => {
    const body = `[${fixtureText('error-404-model.json')}]`
    const error = errorFromUpstream(404, body, {})
    expect(error.upstreamType).toBe('NOT_FOUND')
    expect(error.message).toContain('is not found for API version v1beta')
  })
})
