/**
 * Inbound `messages` as IR: system/developer text from anywhere in the list
 * goes to `system` (in order); tool results become `tool_result` parts of one
 * user turn, which also absorbs a user message that directly follows them
 * (Anthropic requires results and the next user text in one turn).
 */
import type { Message, Part, RedactedThinkingPart, TextPart, ThinkingPart, ToolCallPart, ToolResultPart } from '../../ir/types.js'
import {
  type JsonObject,
  invalidRequest,
  invalidType,
  invalidValue,
  isObject,
  missingParameter,
  optionalObject,
  optionalString,
  requiredString,
} from './check.js'
import { contentToParts } from './content-to-ir.js'
import { partFromReasoningDetail } from './reasoning-details.js'
import { parseArguments } from './tool-arguments.js'
import { isMessageRole, MESSAGE_ROLES } from './validate-request.js'

interface Conversation {
  system: TextPart[]
  messages: Message[]
  /** Tool names by call id, from earlier assistant turns (tool results carry only the id). */
  toolNames: Map<string, string>
  /** The user turn opened by tool results, still accepting results and one user message. */
  toolTurn: Message | undefined
}

function requiredContent(message: JsonObject, param: string): unknown {
  const content = message.content
  if (content === undefined || content === null) throw missingParameter(`${param}.content`)
  return content
}

function systemToIR(message: JsonObject, param: string): TextPart[] {
  return contentToParts(requiredContent(message, param), `${param}.content`, false) as TextPart[]
}

function userToIR(message: JsonObject, param: string): Part[] {
  return contentToParts(requiredContent(message, param), `${param}.content`, true)
}

function assistantText(message: JsonObject, param: string): TextPart[] {
  const content = message.content
  const parts: TextPart[] = []
  if (typeof content === 'string') {
    if (content !== '') parts.push({ type: 'text', text: content })
  } else if (Array.isArray(content)) {
    content.forEach((part: unknown, j) => {
      const partParam = `${param}.content[${j}]`
      if (!isObject(part)) throw invalidType(partParam, 'an object', part)
      if (part.type === 'text') parts.push({ type: 'text', text: requiredString(part, 'text', `${partParam}.text`) })
      else if (part.type === 'refusal') parts.push({ type: 'text', text: requiredString(part, 'refusal', `${partParam}.refusal`) })
      else throw invalidValue(`${partParam}.type`, part.type, ['text', 'refusal'])
    })
  } else if (content !== undefined && content !== null) {
    throw invalidType(`${param}.content`, 'one of a string or array of objects', content)
  }
  const refusal = optionalString(message, 'refusal', `${param}.refusal`)
  if (refusal && parts.length === 0) parts.push({ type: 'text', text: refusal })
  return parts
}

/** Thinking the client carries back: `reasoning_details` (with signatures) wins over plain text. */
function assistantThinking(message: JsonObject, param: string): Array<ThinkingPart | RedactedThinkingPart> {
  const details = message.reasoning_details
  if (details !== undefined && details !== null) {
    if (!Array.isArray(details)) throw invalidType(`${param}.reasoning_details`, 'an array of objects', details)
    return details.flatMap((detail: unknown, j) => {
      const detailParam = `${param}.reasoning_details[${j}]`
      if (!isObject(detail)) throw invalidType(detailParam, 'an object', detail)
      if (detail.type === 'reasoning.text') optionalString(detail, 'text', `${detailParam}.text`)
      if (detail.type === 'reasoning.encrypted') requiredString(detail, 'data', `${detailParam}.data`)
      const part = partFromReasoningDetail(detail)
      return part ? [part] : []
    })
  }
  const text = optionalString(message, 'reasoning_content', `${param}.reasoning_content`) ?? optionalString(message, 'reasoning', `${param}.reasoning`)
  return text ? [{ type: 'thinking', text }] : []
}

function parsedArguments(fn: JsonObject, param: string): unknown {
  const text = optionalString(fn, 'arguments', param) ?? ''
  const input = parseArguments(text)
  if (input === undefined) throw invalidRequest(`Invalid '${param}': the tool call arguments are not valid JSON.`, param, 'invalid_value')
  return input
}

function toolCallToIR(call: unknown, param: string): ToolCallPart {
  if (!isObject(call)) throw invalidType(param, 'an object', call)
  if (call.type !== undefined && call.type !== 'function') {
    throw invalidRequest(`Tool calls of type '${String(call.type)}' are not supported by this gateway; only 'function' tool calls are.`, `${param}.type`, 'invalid_value')
  }
  const id = requiredString(call, 'id', `${param}.id`)
  const fn = optionalObject(call, 'function', `${param}.function`)
  if (!fn) throw missingParameter(`${param}.function`)
  const part: ToolCallPart = {
    type: 'tool_call',
    id,
    name: requiredString(fn, 'name', `${param}.function.name`),
    input: parsedArguments(fn, `${param}.function.arguments`),
  }
  const extra = call.extra_content
  const signature = isObject(extra) && isObject(extra.google) ? extra.google.thought_signature : undefined
  if (typeof signature === 'string') part.signature = signature
  return part
}

function assistantToolCalls(message: JsonObject, param: string, index: number): ToolCallPart[] {
  const calls = message.tool_calls
  const parts: ToolCallPart[] = []
  if (calls !== undefined && calls !== null) {
    if (!Array.isArray(calls)) throw invalidType(`${param}.tool_calls`, 'an array of objects', calls)
    calls.forEach((call: unknown, j) => parts.push(toolCallToIR(call, `${param}.tool_calls[${j}]`)))
  }
  // The deprecated single `function_call` has no id; derive a stable one for the matching `function` message.
  const legacy = optionalObject(message, 'function_call', `${param}.function_call`)
  if (legacy) {
    const name = requiredString(legacy, 'name', `${param}.function_call.name`)
    parts.push({ type: 'tool_call', id: legacyCallId(name, index), name, input: parsedArguments(legacy, `${param}.function_call.arguments`) })
  }
  return parts
}

function legacyCallId(name: string, index: number): string {
  return `call_${name}_${index}`
}

function assistantToIR(message: JsonObject, param: string, index: number): Message {
  return {
    role: 'assistant',
    parts: [...assistantThinking(message, param), ...assistantText(message, param), ...assistantToolCalls(message, param, index)],
  }
}

function toolContent(message: JsonObject, param: string): ToolResultPart['content'] {
  const content = message.content
  if (content === undefined) throw missingParameter(`${param}.content`)
  if (content === null) return []
  return contentToParts(content, `${param}.content`, true)
}

function toolResult(conversation: Conversation, callId: string, content: ToolResultPart['content']): ToolResultPart {
  const name = conversation.toolNames.get(callId)
  return name === undefined ? { type: 'tool_result', callId, content } : { type: 'tool_result', callId, name, content }
}

function toolToIR(conversation: Conversation, message: JsonObject, param: string): ToolResultPart {
  const callId = requiredString(message, 'tool_call_id', `${param}.tool_call_id`)
  return toolResult(conversation, callId, toolContent(message, param))
}

/** The deprecated `function` role answers the most recent `function_call` of that name. */
function functionToIR(conversation: Conversation, message: JsonObject, param: string): ToolResultPart {
  const name = requiredString(message, 'name', `${param}.name`)
  let callId = `call_${name}`
  for (const [id, callName] of conversation.toolNames) if (callName === name) callId = id
  return toolResult(conversation, callId, toolContent(message, param))
}

function addToolResult(conversation: Conversation, result: ToolResultPart): void {
  if (conversation.toolTurn) {
    conversation.toolTurn.parts.push(result)
    return
  }
  const turn: Message = { role: 'user', parts: [result] }
  conversation.messages.push(turn)
  conversation.toolTurn = turn
}

function addMessage(conversation: Conversation, message: JsonObject, index: number): void {
  const param = `messages[${index}]`
  const role = message.role
  if (role === undefined) throw missingParameter(`${param}.role`)
  if (!isMessageRole(role)) throw invalidValue(`${param}.role`, role, MESSAGE_ROLES)
  switch (role) {
    case 'system':
    case 'developer':
      conversation.system.push(...systemToIR(message, param))
      return
    case 'tool':
      addToolResult(conversation, toolToIR(conversation, message, param))
      return
    case 'function':
      addToolResult(conversation, functionToIR(conversation, message, param))
      return
    case 'user': {
      const parts = userToIR(message, param)
      if (conversation.toolTurn) conversation.toolTurn.parts.push(...parts)
      else conversation.messages.push({ role: 'user', parts })
      conversation.toolTurn = undefined
      return
    }
    case 'assistant': {
      const turn = assistantToIR(message, param, index)
      for (const part of turn.parts) if (part.type === 'tool_call') conversation.toolNames.set(part.id, part.name)
      conversation.messages.push(turn)
      conversation.toolTurn = undefined
      return
    }
  }
}

export function messagesToIR(messages: readonly unknown[]): { system: TextPart[]; messages: Message[] } {
  const conversation: Conversation = { system: [], messages: [], toolNames: new Map(), toolTurn: undefined }
  messages.forEach((message, index) => {
    if (!isObject(message)) throw invalidType(`messages[${index}]`, 'an object', message)
    addMessage(conversation, message, index)
  })
  return { system: conversation.system, messages: conversation.messages }
}
