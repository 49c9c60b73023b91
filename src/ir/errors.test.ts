import { describe, expect, it } from 'vitest'
import { GatewayError, kindForStatus, toGatewayError } from './errors.js'

describe('GatewayError.with', () => {
  it('copies every option and replaces only the ones given', () => {
    const upstream = new GatewayError('rate_limit', 'Slow down', { status: 429, code: 'rate_limit_exceeded', retryAfterMs: 2000, upstreamType: 'rate_limit_error', param: 'model' })
    const copy = upstream.with({ provider: 'openai', upstreamBody: '{"error":{}}', upstreamFormat: 'openai' })
    expect(copy).not.toBe(upstream)
    expect(copy).toMatchObject({
      kind: 'rate_limit',
      message: 'Slow down',
      status: 429,
      code: 'rate_limit_exceeded',
      retryAfterMs: 2000,
      upstreamType: 'rate_limit_error',
      param: 'model',
      provider: 'openai',
      upstreamBody: '{"error":{}}',
      upstreamFormat: 'openai',
    })
    expect(upstream.provider).toBeUndefined()
  })

  it('keeps an existing provider unless overridden, and takes a cause', () => {
    const original = new GatewayError('overloaded', 'Busy', { provider: 'gemini' })
    const copy = original.with({ cause: original })
    expect(copy.provider).toBe('gemini')
    expect(copy.status).toBe(529)
    expect(copy.cause).toBe(original)
  })
})

describe('kindForStatus / toGatewayError', () => {
  it('maps statuses to kinds, unknown 5xx to api_error and unknown 4xx to invalid_request', () => {
    expect(kindForStatus(529)).toBe('overloaded')
    expect(kindForStatus(504)).toBe('timeout')
    expect(kindForStatus(507)).toBe('api_error')
    expect(kindForStatus(418)).toBe('invalid_request')
  })

  it('hides the internals of anything that is not a GatewayError', () => {
    const error = toGatewayError(new TypeError('x is undefined at /secret/path.ts'))
    expect(error.kind).toBe('api_error')
    expect(error.message).toBe('Internal gateway error')
  })
})
