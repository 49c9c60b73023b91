/**
 * The Chat Completions checks a translating gateway can trip over, with the real
 * error texts and params: model and messages present, known roles, tool messages
 * answering a preceding assistant tool call, every tool call answered, stream_options.
 */
import { invalidRequest, type OpenAIErrorBody } from './errors.js'

type Json = Record<string, unknown>
type Message = { role?: unknown; tool_call_id?: unknown; tool_calls?: { id?: unknown }[] }

const ROLES = ['system', 'developer', 'user', 'assistant', 'tool', 'function']

export function validateOpenAIChat(body: Json): OpenAIErrorBody | null {
  if (body.model === undefined) return invalidRequest('you must provide a model parameter')
  if (body.messages === undefined) return invalidRequest("Missing required parameter: 'messages'.", 'messages', 'missing_required_parameter')
  if (!Array.isArray(body.messages)) return invalidRequest("Invalid type for 'messages': expected an array, but got an object instead.", 'messages', 'invalid_type')
  if (body.messages.length === 0)
    return invalidRequest("Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.", 'messages', 'empty_array')
  if (body.stream_options != null && body.stream !== true)
    return invalidRequest("The 'stream_options' parameter is only allowed when 'stream' is enabled.", 'stream_options', null)
  return validateMessages(body.messages as Message[])
}

function validateMessages(messages: Message[]): OpenAIErrorBody | null {
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]
    if (!ROLES.includes(m?.role as string))
      return invalidRequest(
        `Invalid value: '${String(m?.role)}'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.`,
        `messages[${i}].role`,
        'invalid_value',
      )
    const error = m.role === 'tool' ? validateToolMessage(messages, i) : null
    if (error) return error
  }
  // Stray or mismatched tool messages are reported before unanswered calls.
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]
    const error = m.role === 'assistant' && Array.isArray(m.tool_calls) && m.tool_calls.length ? validateAnswered(messages, i) : null
    if (error) return error
  }
  return null
}

/** The nearest assistant message before the run of tool messages must have issued this id. */
function validateToolMessage(messages: Message[], i: number): OpenAIErrorBody | null {
  let j = i - 1
  while (j >= 0 && messages[j].role === 'tool') j--
  const owner = messages[j]
  if (!owner || owner.role !== 'assistant' || !Array.isArray(owner.tool_calls) || owner.tool_calls.length === 0)
    return invalidRequest("Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.", `messages.[${i}].role`)
  const id = messages[i].tool_call_id
  if (!owner.tool_calls.some((c) => c.id === id))
    return invalidRequest(`Invalid parameter: 'tool_call_id' of '${String(id)}' not found in 'tool_calls' of previous message.`, `messages.[${i}].tool_call_id`)
  return null
}

function validateAnswered(messages: Message[], i: number): OpenAIErrorBody | null {
  const answered = new Set<unknown>()
  for (let j = i + 1; j < messages.length && messages[j].role === 'tool'; j++) answered.add(messages[j].tool_call_id)
  const missing = (messages[i].tool_calls ?? []).map((c) => c.id).filter((id) => !answered.has(id))
  if (!missing.length) return null
  return invalidRequest(
    `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${missing.join(', ')}`,
    `messages.[${i}].role`,
  )
}
