import { describe, expect, it } from 'vitest'
import { fixtureJson } from '../../../test/fixtures/openai-chat/load.js'
import { GatewayError } from '../../ir/errors.js'
import { validateRequest } from './validate-request.js'

function errorOf(body: unknown): GatewayError {
  try {
    validateRequest(body)
  } catch (error) {
    if (error instanceof GatewayError) return error
    throw error
  }
  throw new Error('expected validateRequest to throw')
}

describe('validateRequest', () => {
  it.each(['request/basic.json', 'request/agent-turn.json', 'request/deepseek-replay.json', 'request/json-schema.json'])('accepts %s', (name) => {
    expect(() => validateRequest(fixtureJson(name))).not.toThrow()
  })

  it.each([
    { name: 'array body', body: [], param: undefined, message: 'The request body must be a JSON object, but got an array.' },
    { name: 'null body', body: null, param: undefined, message: 'The request body must be a JSON object, but got null.' },
    { name: 'missing model', body: { messages: [{ role: 'user', content: 'hi' }] }, param: 'model', message: 'you must provide a model parameter' },
    { name: 'empty model', body: { model: '', messages: [{ role: 'user', content: 'hi' }] }, param: 'model', message: 'you must provide a model parameter' },
    {
      name: 'numeric model',
      body: { model: 4, messages: [{ role: 'user', content: 'hi' }] },
      param: 'model',
      message: "Invalid type for 'model': expected a string, but got an integer instead.",
    },
    { name: 'missing messages', body: { model: 'm' }, param: 'messages', message: "Missing required parameter: 'messages'." },
    {
      name: 'empty messages',
      body: { model: 'm', messages: [] },
      param: 'messages',
      message: "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
    },
    {
      name: 'messages not an array',
      body: { model: 'm', messages: 'hi' },
      param: 'messages',
      message: "Invalid type for 'messages': expected an array of objects, but got a string instead.",
    },
    {
      name: 'message not an object',
      body: { model: 'm', messages: [{ role: 'user', content: 'a' }, 'b'] },
      param: 'messages[1]',
      message: "Invalid type for 'messages[1]': expected an object, but got a string instead.",
    },
    {
      name: 'unknown role',
      body: { model: 'm', messages: [{ role: 'bot', content: 'a' }] },
      param: 'messages[0].role',
      message: "Invalid value: 'bot'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.",
    },
    { name: 'missing role', body: { model: 'm', messages: [{ content: 'a' }] }, param: 'messages[0].role', message: "Missing required parameter: 'messages[0].role'." },
    {
      name: 'stream not boolean',
      body: { model: 'm', messages: [{ role: 'user', content: 'a' }], stream: 'yes' },
      param: 'stream',
      message: "Invalid type for 'stream': expected a boolean, but got a string instead.",
    },
  ])('rejects $name', ({ body, param, message }) => {
    const error = errorOf(body)
    expect(error.kind).toBe('invalid_request')
    expect(error.status).toBe(400)
    expect(error.param).toBe(param)
    expect(error.message).toBe(message)
  })

  it('leaves fields it does not need to the upstream', () => {
    expect(() => validateRequest({ model: 'm', messages: [{ role: 'user', content: 42 }], temperature: 'hot' })).not.toThrow()
  })
})
