import { describe, expect, it } from 'vitest'
import { fixtureText } from '../../../test/fixtures/openai-chat/load.js'
import { type ErrorKind, GatewayError } from '../../ir/errors.js'
import { renderError, renderStreamError } from './errors.js'

describe('renderError', () => {
  it.each<{ kind: ErrorKind; status: number; type: string; code: string | null }>([
    { kind: 'invalid_request', status: 400, type: 'invalid_request_error', code: null },
    { kind: 'authentication', status: 401, type: 'authentication_error', code: null },
    { kind: 'billing', status: 402, type: 'insufficient_quota', code: null },
    { kind: 'permission', status: 403, type: 'permission_error', code: null },
    { kind: 'not_found', status: 404, type: 'invalid_request_error', code: null },
    { kind: 'request_too_large', status: 413, type: 'invalid_request_error', code: null },
    { kind: 'unprocessable', status: 422, type: 'invalid_request_error', code: null },
    // What OpenAI sends on a 429: the limit that was hit as the type, and rate_limit_exceeded as the code.
    { kind: 'rate_limit', status: 429, type: 'requests', code: 'rate_limit_exceeded' },
    { kind: 'api_error', status: 500, type: 'server_error', code: null },
    { kind: 'bad_gateway', status: 502, type: 'server_error', code: null },
    { kind: 'overloaded', status: 503, type: 'server_error', code: null },
    { kind: 'timeout', status: 408, type: 'server_error', code: null },
  ])('$kind -> $status $type', ({ kind, status, type, code }) => {
    expect(renderError(new GatewayError(kind, 'Something happened'))).toEqual({
      status,
      body: { error: { message: 'Something happened', type, param: null, code } },
    })
  })

  it('keeps param and code when given', () => {
    const error = new GatewayError('not_found', "The model 'gpt-9' is not routable. Run `llm-gateway models` to list the models you can use.", {
      param: 'model',
      code: 'model_not_found',
    })
    expect(renderError(error).body.error).toMatchObject({ type: 'invalid_request_error', param: 'model', code: 'model_not_found' })
  })

  it('relays an OpenAI-type upstream error body verbatim', () => {
    const upstreamBody = fixtureText('errors/openai-400-unsupported-parameter.json')
    const error = new GatewayError('invalid_request', 'ignored', { upstreamBody, upstreamFormat: 'openai', upstreamType: 'invalid_request_error' })
    expect(renderError(error)).toEqual({ status: 400, body: JSON.parse(upstreamBody) })
  })

  it('keeps the upstream type of an OpenAI-type upstream whose body is not an envelope', () => {
    const error = new GatewayError('rate_limit', 'Too many requests', { upstreamType: 'tokens', upstreamFormat: 'openai', upstreamBody: '{"error":"busy"}' })
    expect(renderError(error).body).toEqual({ error: { message: 'Too many requests', type: 'tokens', param: null, code: 'rate_limit_exceeded' } })
  })

  it('does not leak another format’s types or bodies', () => {
    const error = new GatewayError('overloaded', 'Overloaded', {
      status: 529,
      upstreamType: 'overloaded_error',
      upstreamFormat: 'anthropic',
      upstreamBody: '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
    })
    // 529 is Anthropic's; OpenAI clients get 503.
    expect(renderError(error)).toEqual({ status: 503, body: { error: { message: 'Overloaded', type: 'server_error', param: null, code: null } } })
  })
})

describe('renderStreamError', () => {
  it('is a data line with the error envelope, as OpenAI sends mid-stream', () => {
    expect(renderStreamError(new GatewayError('api_error', 'The server had an error while processing your request.'))).toBe(
      'data: {"error":{"message":"The server had an error while processing your request.","type":"server_error","param":null,"code":null}}\n\n',
    )
  })
})
