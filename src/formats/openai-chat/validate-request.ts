/**
 * The cheap structural check for the passthrough path: the body is forwarded
 * untouched, so only what the gateway itself relies on (model, messages, roles,
 * stream) is checked. The upstream validates the rest.
 */
import { type JsonObject, describeType, invalidRequest, invalidType, invalidValue, isObject, missingParameter } from './check.js'

export const MESSAGE_ROLES = ['system', 'assistant', 'user', 'function', 'tool', 'developer'] as const
export type MessageRole = (typeof MESSAGE_ROLES)[number]

export function isMessageRole(value: unknown): value is MessageRole {
  return typeof value === 'string' && (MESSAGE_ROLES as readonly string[]).includes(value)
}

function checkModel(body: JsonObject): void {
  const model = body.model
  if (model === undefined || model === null || model === '') {
    throw invalidRequest('you must provide a model parameter', 'model', 'missing_required_parameter')
  }
  if (typeof model !== 'string') throw invalidType('model', 'a string', model)
}

function checkMessages(body: JsonObject): void {
  const messages = body.messages
  if (messages === undefined || messages === null) throw missingParameter('messages')
  if (!Array.isArray(messages)) throw invalidType('messages', 'an array of objects', messages)
  if (messages.length === 0) {
    throw invalidRequest(
      "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
      'messages',
      'empty_array',
    )
  }
  messages.forEach((message: unknown, i) => {
    const param = `messages[${i}]`
    if (!isObject(message)) throw invalidType(param, 'an object', message)
    if (message.role === undefined) throw missingParameter(`${param}.role`)
    if (!isMessageRole(message.role)) throw invalidValue(`${param}.role`, message.role, MESSAGE_ROLES)
  })
}

export function validateRequest(body: unknown): void {
  if (!isObject(body)) {
    throw invalidRequest(`The request body must be a JSON object, but got ${describeType(body)}.`, undefined)
  }
  checkModel(body)
  checkMessages(body)
  if (body.stream !== undefined && body.stream !== null && typeof body.stream !== 'boolean') {
    throw invalidType('stream', 'a boolean', body.stream)
  }
}
