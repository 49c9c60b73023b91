/**
 * An OpenAI-compatible service's `chat.completion` body as an IRResponse.
 * Thinking arrives under different names: `reasoning_content` (DeepSeek, xAI),
 * `reasoning` (OpenRouter, Ollama, vLLM) or `reasoning_details` (OpenRouter,
 * with signatures), and always comes first in the IR content.
 */
import { GatewayError } from '../../ir/errors.js'
import type { IRResponse, OutputPart, RedactedThinkingPart, StopReason, ThinkingPart, ToolCallPart } from '../../ir/types.js'
import { type JsonObject, isObject } from './check.js'
import { stopReasonFromOpenAI } from './map-stop-reason.js'
import { usageFromOpenAI } from './map-usage.js'
import { partsFromReasoningDetails } from './reasoning-details.js'
import { parseArguments } from './tool-arguments.js'
import { errorFromStreamPayload } from './upstream-error.js'

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

export function thinkingFromMessage(message: JsonObject): Array<ThinkingPart | RedactedThinkingPart> {
  // OpenRouter sends `reasoning` and `reasoning_details` together; the details are the richer copy.
  if (Array.isArray(message.reasoning_details) && message.reasoning_details.length > 0) {
    return partsFromReasoningDetails(message.reasoning_details)
  }
  const text = nonEmpty(message.reasoning_content) ?? nonEmpty(message.reasoning)
  return text ? [{ type: 'thinking', text }] : []
}

/** Text content: a string, or (Mistral's reasoning models) an array of typed chunks. */
function contentParts(content: unknown): OutputPart[] {
  if (typeof content === 'string') return content ? [{ type: 'text', text: content }] : []
  if (!Array.isArray(content)) return []
  return content.flatMap((chunk: unknown): OutputPart[] => {
    if (!isObject(chunk)) return []
    if (chunk.type === 'text' && nonEmpty(chunk.text)) return [{ type: 'text', text: chunk.text as string }]
    if (chunk.type === 'thinking' && Array.isArray(chunk.thinking)) {
      const text = chunk.thinking.map((t: unknown) => (isObject(t) && typeof t.text === 'string' ? t.text : '')).join('')
      return text ? [{ type: 'thinking', text }] : []
    }
    return []
  })
}

/** Tool-call arguments that do not parse are kept as the raw string rather than lost. */
function toolInput(text: unknown): unknown {
  const raw = typeof text === 'string' ? text : ''
  return parseArguments(raw) ?? raw
}

function toolCallsFromMessage(message: JsonObject, responseId: string): ToolCallPart[] {
  const calls = Array.isArray(message.tool_calls) ? message.tool_calls : []
  const parts = calls.flatMap((call: unknown, i): ToolCallPart[] => {
    if (!isObject(call) || !isObject(call.function)) return []
    const part: ToolCallPart = {
      type: 'tool_call',
      id: nonEmpty(call.id) ?? `call_${responseId}_${i}`,
      name: typeof call.function.name === 'string' ? call.function.name : '',
      input: toolInput(call.function.arguments),
    }
    const extra = call.extra_content
    const signature = isObject(extra) && isObject(extra.google) ? nonEmpty(extra.google.thought_signature) : undefined
    if (signature) part.signature = signature
    return [part]
  })
  // The deprecated single function_call, still sent by some older servers.
  const legacy = message.function_call
  if (isObject(legacy) && typeof legacy.name === 'string') {
    parts.push({ type: 'tool_call', id: `call_${responseId}_${parts.length}`, name: legacy.name, input: toolInput(legacy.arguments) })
  }
  return parts
}

function badResponse(message: string): GatewayError {
  return new GatewayError('bad_gateway', message)
}

export function responseToIR(body: unknown): IRResponse {
  if (!isObject(body)) throw badResponse('The upstream response is not a JSON object')
  // Some services (OpenRouter) answer 200 with an error envelope.
  if (body.error !== undefined && body.error !== null) throw errorFromStreamPayload(body, JSON.stringify(body))
  const choice = Array.isArray(body.choices) ? body.choices[0] : undefined
  if (!isObject(choice) || !isObject(choice.message)) throw badResponse('The upstream response has no choices[0].message')
  const message = choice.message
  const id = typeof body.id === 'string' ? body.id : ''
  const refusal = nonEmpty(message.refusal)
  const content: OutputPart[] = [
    ...thinkingFromMessage(message),
    ...contentParts(message.content),
    ...(refusal ? [{ type: 'text' as const, text: refusal }] : []),
    ...toolCallsFromMessage(message, id),
  ]
  const stopReason: StopReason = refusal ? 'content_filter' : stopReasonFromOpenAI(typeof choice.finish_reason === 'string' ? choice.finish_reason : null)
  const response: IRResponse = {
    id,
    model: typeof body.model === 'string' ? body.model : '',
    content,
    stopReason,
    stopSequence: null,
    usage: usageFromOpenAI(body.usage) ?? { inputTokens: 0, outputTokens: 0 },
  }
  if (typeof body.created === 'number') response.created = body.created
  return response
}
