/**
 * IR messages -> Gemini `contents`. Roles become user/model; tool results
 * become `functionResponse` parts named after their call, in the order of the
 * calls (Gemini matches them by name and position); thought signatures
 * ride back on the part they came with (text, thought or functionCall).
 * A signed thought goes back as the thought part it was, text included:
 * Gemini checks the signature against that content and answers 400 "invalid
 * thought signature" when it changed. Unsigned thinking and redacted thinking
 * are dropped: Gemini reads nothing from unsigned thought text and cannot use
 * another provider's opaque data. Consecutive turns of one role merge (Gemini
 * expects alternation), part by part, so no signed part's content changes.
 */
import type { Message, Part, ToolResultPart } from '../../ir/types.js'
import { imageToPart } from './image-to-part.js'
import type { GeminiContent, GeminiPart } from './wire-types.js'

/**
 * Google's documented placeholder for function calls that have no signature of
 * their own (history from another model, or a client that dropped it); Gemini 3
 * rejects unsigned calls in the current turn otherwise.
 */
export const SKIP_SIGNATURE_VALIDATOR = 'skip_thought_signature_validator'

export interface ContentsOptions {
  /** Gemini 3 validates signatures on function calls. */
  requireCallSignatures: boolean
}

export function contentsFromMessages(messages: Message[], options: ContentsOptions): GeminiContent[] {
  const callNames = new Map<string, string>()
  const contents: GeminiContent[] = []
  let callOrder: string[] = []
  for (const message of messages) {
    const role = message.role === 'assistant' ? 'model' : 'user'
    if (role === 'model') callOrder = message.parts.flatMap((part) => (part.type === 'tool_call' ? [part.id] : []))
    const ordered = role === 'user' ? resultsInCallOrder(message.parts, callOrder) : message.parts
    const parts = ordered.flatMap((part) => partToGemini(part, role, callNames))
    if (parts.length === 0) continue
    if (role === 'model' && options.requireCallSignatures) signFirstCall(parts)
    const previous = contents.at(-1)
    if (previous?.role === role) previous.parts.push(...parts)
    else contents.push({ role, parts })
  }
  return contents
}

function partToGemini(part: Part, role: GeminiContent['role'], callNames: Map<string, string>): GeminiPart[] {
  switch (part.type) {
    case 'text':
      if (part.text === '' && !part.signature) return []
      return [role === 'model' && part.signature ? { text: part.text, thoughtSignature: part.signature } : { text: part.text }]
    case 'image':
      return [imageToPart(part)]
    case 'thinking':
      if (role !== 'model' || !part.signature) return []
      return [{ text: part.text, thought: true, thoughtSignature: part.signature }]
    case 'redacted_thinking':
      return []
    case 'tool_call': {
      callNames.set(part.id, part.name)
      const call: GeminiPart = { functionCall: { name: part.name, args: argsObject(part.input) } }
      if (part.signature) call.thoughtSignature = part.signature
      return [call]
    }
    case 'tool_result':
      return toolResultParts(part, callNames)
  }
}

/**
 * Gemini pairs function responses with the calls of the turn before by name
 * and position (its calls usually have no ids), so results go back in the
 * order of their calls, whatever order the client listed them in.
 */
function resultsInCallOrder(parts: Part[], callOrder: string[]): Part[] {
  const results = parts.filter((part): part is ToolResultPart => part.type === 'tool_result')
  if (results.length < 2) return parts
  const rank = (result: ToolResultPart) => {
    const position = callOrder.indexOf(result.callId)
    return position === -1 ? callOrder.length : position
  }
  const sorted = [...results].sort((a, b) => rank(a) - rank(b))
  let next = 0
  return parts.map((part) => (part.type === 'tool_result' ? sorted[next++] : part))
}

function toolResultParts(part: ToolResultPart, callNames: Map<string, string>): GeminiPart[] {
  const name = part.name ?? callNames.get(part.callId) ?? part.callId
  const text = part.content
    .filter((item) => item.type === 'text')
    .map((item) => item.text)
    .join('\n')
  const images = part.content.filter((item) => item.type === 'image').map(imageToPart)
  return [{ functionResponse: { name, response: responseObject(text, part.isError === true) } }, ...images]
}

/** Gemini wants an object: a JSON-object result as itself, anything else wrapped. */
function responseObject(text: string, isError: boolean): Record<string, unknown> {
  if (isError) return { error: text }
  const parsed = parseJsonObject(text)
  return parsed ?? { result: text }
}

function argsObject(input: unknown): Record<string, unknown> {
  if (isPlainObject(input)) return input
  if (typeof input === 'string') return parseJsonObject(input) ?? {}
  return {}
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  const trimmed = text.trim()
  if (!trimmed.startsWith('{')) return undefined
  try {
    const parsed: unknown = JSON.parse(trimmed)
    return isPlainObject(parsed) ? parsed : undefined
  } catch {
    return undefined
  }
}

/** Gemini signs the first function call of a step; give an unsigned step the placeholder. */
function signFirstCall(parts: GeminiPart[]): void {
  const calls = parts.filter((part) => part.functionCall)
  if (calls.length === 0 || calls.some((part) => part.thoughtSignature)) return
  calls[0].thoughtSignature = SKIP_SIGNATURE_VALIDATOR
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
