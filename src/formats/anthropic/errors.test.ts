import { describe, expect, it } from 'vitest'
import { fixtureText } from '../../../test/fixtures/anthropic/load.js'
import { type ErrorKind, GatewayError } from '../../ir/errors.js'
import { renderError, renderStreamError } from './errors.js'

describe('renderError', () => {
  it.each<[ErrorKind, number | undefined, number, string]>([
    ['invalid_request', undefined, 400, 'invalid_request_error'],
    ['authentication', undefined, 401, 'authentication_error'],
    ['billing', undefined, 402, 'billing_error'],
    ['permission', undefined, 403, 'permission_error'],
    ['not_found', undefined, 404, 'not_found_error'],
    ['request_too_large', undefined, 413, 'request_too_large'],
    ['rate_limit', undefined, 429, 'rate_limit_error'],
    ['api_error', undefined, 500, 'api_error'],
    ['bad_gateway', undefined, 502, 'api_error'],
    ['timeout', 504, 504, 'timeout_error'],
    ['overloaded', undefined, 529, 'overloaded_error'],
    ['overloaded', 503, 529, 'overloaded_error'],
    ['conflict', undefined, 409, 'invalid_request_error'],
  ])('%s (status %s) -> %i %s', (kind, status, httpStatus, type) => {
    const error = new GatewayError(kind, 'Something went wrong', status === undefined ? {} : { status })
    expect(renderError(error)).toEqual({ status: httpStatus, body: { type: 'error', error: { type, message: 'Something went wrong' } } })
  })

  it("keeps an Anthropic upstream's own type", () => {
    const error = new GatewayError('invalid_request', 'Only Anthropic knows this', {
      upstreamType: 'some_new_error',
      upstreamFormat: 'anthropic',
    })
    expect(renderError(error).body).toEqual({ type: 'error', error: { type: 'some_new_error', message: 'Only Anthropic knows this' } })
  })

  it("ignores a non-Anthropic upstream's type", () => {
    const error = new GatewayError('rate_limit', 'slow down', { upstreamType: 'insufficient_quota', upstreamFormat: 'openai' })
    expect(renderError(error).body).toEqual({ type: 'error', error: { type: 'rate_limit_error', message: 'slow down' } })
  })

  it("passes an Anthropic upstream's envelope on verbatim (request_id included)", () => {
    const upstreamBody = fixtureText('errors/invalid-request.json')
    const error = new GatewayError('invalid_request', 'prompt is too long: 204811 tokens > 200000 maximum', {
      upstreamType: 'invalid_request_error',
      upstreamFormat: 'anthropic',
      upstreamBody,
    })
    expect(renderError(error)).toEqual({ status: 400, body: JSON.parse(upstreamBody) })
  })
})

describe('renderStreamError', () => {
  it('is an SSE error event the SDK recognises', () => {
    expect(renderStreamError(new GatewayError('overloaded', 'Overloaded'))).toBe(
      'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n',
    )
  })
})
