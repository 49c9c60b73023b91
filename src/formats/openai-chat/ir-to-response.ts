/** An IRResponse as the `chat.completion` object OpenAI clients expect. */
import type { IRResponse, RedactedThinkingPart, ThinkingPart, ToolCallPart } from '../../ir/types.js'
import type { EncodeContext } from '../types.js'
import { newCompletionId, nowSeconds } from './ids.js'
import { finishReasonFor } from './map-stop-reason.js'
import { usageToOpenAI } from './map-usage.js'
import { reasoningDetailFromPart } from './reasoning-details.js'
import { stringifyArguments } from './tool-arguments.js'
import type { OpenAIChatCompletion, OpenAIResponseMessage, OpenAIToolCall } from './wire-types.js'

export function toolCallToOpenAI(part: ToolCallPart): OpenAIToolCall {
  const call: OpenAIToolCall = { id: part.id, type: 'function', function: { name: part.name, arguments: stringifyArguments(part.input) } }
  // Gemini's thought signature rides along the way Gemini's own OpenAI endpoint sends it.
  if (part.signature) call.extra_content = { google: { thought_signature: part.signature } }
  return call
}

function messageFromIR(response: IRResponse): OpenAIResponseMessage {
  const texts: string[] = []
  const thinking: Array<ThinkingPart | RedactedThinkingPart> = []
  const toolCalls: OpenAIToolCall[] = []
  for (const part of response.content) {
    if (part.type === 'text') texts.push(part.text)
    else if (part.type === 'thinking' || part.type === 'redacted_thinking') thinking.push(part)
    else if (part.type === 'tool_call') toolCalls.push(toolCallToOpenAI(part))
  }
  const message: OpenAIResponseMessage = {
    role: 'assistant',
    // OpenAI sends null content when the reply is only tool calls, and '' when it is empty.
    content: texts.length > 0 ? texts.join('') : toolCalls.length > 0 ? null : '',
    refusal: null,
  }
  if (toolCalls.length > 0) message.tool_calls = toolCalls
  if (thinking.length > 0) {
    const text = thinking.map((part) => (part.type === 'thinking' ? part.text : '')).join('')
    if (text) message.reasoning_content = text
    message.reasoning_details = thinking.map(reasoningDetailFromPart)
  }
  return message
}

export function responseFromIR(response: IRResponse, context: EncodeContext): OpenAIChatCompletion {
  const message = messageFromIR(response)
  return {
    id: response.id || newCompletionId(),
    object: 'chat.completion',
    created: response.created ?? nowSeconds(),
    model: context.model,
    choices: [
      {
        index: 0,
        message,
        logprobs: null,
        finish_reason: finishReasonFor(response.stopReason, message.tool_calls !== undefined),
      },
    ],
    usage: usageToOpenAI(response.usage),
    system_fingerprint: null,
  }
}
