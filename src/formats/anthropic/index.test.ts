import { describe, expect, it } from 'vitest'
import { fixtureJson, fixtureText } from '../../../test/fixtures/anthropic/load.js'
import { GatewayError } from '../../ir/errors.js'
import { anthropicClientFormat, anthropicProviderFormat } from './index.js'

describe('anthropic format objects', () => {
  it('client side: parse, answer, stream and fail in Anthropic shapes', () => {
    const client = anthropicClientFormat
    expect(client.name).toBe('anthropic')
    const request = client.parseRequest(fixtureJson('requests/string-content.json'))
    expect(request.messages).toHaveLength(3)
    expect(() => client.validateRequest({ model: 'm', messages: [] })).toThrow('max_tokens: Field required')
    const message = client.responseFromIR(
      { id: 'msg_01X', model: 'm', content: [{ type: 'text', text: 'ok' }], stopReason: 'end', usage: { inputTokens: 1, outputTokens: 1 } },
      { model: 'claude-haiku-4-5' },
    )
    expect(message).toMatchObject({ id: 'msg_01X', type: 'message', model: 'claude-haiku-4-5', stop_reason: 'end_turn' })
    expect(client.createStreamEncoder({ model: 'x' }).encode({ type: 'start', id: 'msg_01X', model: 'm' })).toContain('event: message_start')
    expect(client.renderError(new GatewayError('not_found', 'model: claude-nine'))).toEqual({
      status: 404,
      body: { type: 'error', error: { type: 'not_found_error', message: 'model: claude-nine' } },
    })
    expect(client.renderStreamError(new GatewayError('api_error', 'boom'))).toContain('event: error')
  })

  it('provider side: build, read, decode and explain errors', () => {
    const provider = anthropicProviderFormat
    expect(provider.name).toBe('anthropic')
    const ir = anthropicClientFormat.parseRequest(fixtureJson('requests/plain-sampling.json'))
    expect(provider.requestFromIR(ir, { model: 'claude-haiku-4-5-20251001' })).toMatchObject({ model: 'claude-haiku-4-5-20251001', max_tokens: 1024 })
    expect(provider.responseToIR(fixtureJson('responses/text.json')).stopReason).toBe('end')
    expect(provider.createStreamDecoder().end()).toMatchObject([{ type: 'error' }])
    expect(provider.errorFromUpstream(529, fixtureText('errors/overloaded.json'), { 'retry-after': '2' })).toMatchObject({
      kind: 'overloaded',
      upstreamType: 'overloaded_error',
      retryAfterMs: 2000,
    })
  })
})
