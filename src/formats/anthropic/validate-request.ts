/**
 * The cheap structural check for the passthrough path (Anthropic client to an
 * Anthropic provider): enough to answer obvious mistakes locally with
 * Anthropic's wording, without walking content blocks the upstream will check.
 */
import {
  FIELD_REQUIRED,
  invalid,
  isRecord,
  NOT_BOOLEAN,
  NOT_LIST,
  optionalInteger,
  requireString,
} from './invalid.js'

export function validateRequest(body: unknown): void {
  if (!isRecord(body)) throw invalid([], 'Request body must be a JSON object')
  const model = requireString(body.model, ['model'])
  if (model.trim() === '') throw invalid(['model'], 'String should have at least 1 character')
  if (body.max_tokens === undefined || body.max_tokens === null) throw invalid(['max_tokens'], FIELD_REQUIRED)
  optionalInteger(body.max_tokens, ['max_tokens'], 1)
  validateMessages(body.messages)
  if (body.stream !== undefined && typeof body.stream !== 'boolean') throw invalid(['stream'], NOT_BOOLEAN)
}

function validateMessages(messages: unknown): void {
  if (messages === undefined) throw invalid(['messages'], FIELD_REQUIRED)
  if (!Array.isArray(messages)) throw invalid(['messages'], NOT_LIST)
  if (messages.length === 0) throw invalid(['messages'], 'at least one message is required')
  messages.forEach((message, i) => {
    if (!isRecord(message)) throw invalid(['messages', i], 'Input should be a valid dictionary')
    if (message.role === undefined) throw invalid(['messages', i, 'role'], FIELD_REQUIRED)
    if (message.role !== 'user' && message.role !== 'assistant') {
      throw invalid(['messages', i, 'role'], "Input should be 'user' or 'assistant'")
    }
    if (message.content === undefined) throw invalid(['messages', i, 'content'], FIELD_REQUIRED)
    if (typeof message.content !== 'string' && !Array.isArray(message.content)) {
      throw invalid(['messages', i, 'content'], NOT_LIST)
    }
  })
}
