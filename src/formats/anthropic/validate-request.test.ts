import { describe, expect, it } from 'vitest'
import { fixtureJson } from '../../../test/fixtures/anthropic/load.js'
import { GatewayError } from '../../ir/errors.js'
import { validateRequest } from './validate-request.js'

const valid = { model: 'claude-sonnet-4-5', max_tokens: 1024, messages: [{ role: 'user', content: 'Hello' }] }

function errorOf(body: unknown): GatewayError {
  try {
    validateRequest(body)
  } catch (error) {
    if (error instanceof GatewayError) return error
    throw error
  }
  throw new Error('expected a GatewayError')
}

describe('validateRequest', () => {
  it.each(['requests/agent-thinking.json', 'requests/plain-sampling.json', 'requests/string-content.json', 'requests/document.json'])(
    'accepts %s',
    (file) => {
      expect(() => validateRequest(fixtureJson(file))).not.toThrow()
    },
  )

  it.each<[string, unknown, string, string | undefined]>([
    ['not an object', [], 'Request body must be a JSON object', undefined],
    ['missing model', { ...valid, model: undefined }, 'model: Field required', 'model'],
    ['empty model', { ...valid, model: '' }, 'model: String should have at least 1 character', 'model'],
    ['model not a string', { ...valid, model: 42 }, 'model: Input should be a valid string', 'model'],
    ['missing max_tokens', { ...valid, max_tokens: undefined }, 'max_tokens: Field required', 'max_tokens'],
    ['fractional max_tokens', { ...valid, max_tokens: 10.5 }, 'max_tokens: Input should be a valid integer', 'max_tokens'],
    ['zero max_tokens', { ...valid, max_tokens: 0 }, 'max_tokens: Input should be greater than or equal to 1', 'max_tokens'],
    ['missing messages', { ...valid, messages: undefined }, 'messages: Field required', 'messages'],
    ['messages not a list', { ...valid, messages: {} }, 'messages: Input should be a valid list', 'messages'],
    ['no messages', { ...valid, messages: [] }, 'messages: at least one message is required', 'messages'],
    ['bad role', { ...valid, messages: [{ role: 'system', content: 'x' }] }, "messages.0.role: Input should be 'user' or 'assistant'", 'messages.0.role'],
    [
      'content neither string nor list',
      { ...valid, messages: [{ role: 'user', content: 'hi' }, { role: 'assistant', content: 7 }] },
      'messages.1.content: Input should be a valid list',
      'messages.1.content',
    ],
    ['missing content', { ...valid, messages: [{ role: 'user' }] }, 'messages.0.content: Field required', 'messages.0.content'],
    ['stream not boolean', { ...valid, stream: 'yes' }, 'stream: Input should be a valid boolean', 'stream'],
  ])('%s', (_name, body, message, param) => {
    const error = errorOf(body)
    expect(error.kind).toBe('invalid_request')
    expect(error.status).toBe(400)
    expect(error.message).toBe(message)
    expect(error.param).toBe(param)
  })
})
