/** OpenAI `finish_reason` <-> IR StopReason. */
import type { StopReason } from '../../ir/types.js'
import type { OpenAIFinishReason } from './wire-types.js'

/** An upstream's finish_reason; unknown values (some services invent their own) become `other`. */
export function stopReasonFromOpenAI(reason: string | null | undefined): StopReason {
  switch (reason) {
    case 'stop':
    case 'eos': // vLLM / some llama.cpp builds
      return 'end'
    case 'length':
      return 'max_tokens'
    case 'tool_calls':
    case 'function_call':
      return 'tool_use'
    case 'content_filter':
      return 'content_filter'
    case 'error': // OpenRouter, when the provider behind it failed mid-reply
      return 'error'
    default:
      return 'other'
  }
}

/** The finish_reason an OpenAI client expects. OpenAI reports a matched stop sequence as plain `stop`. */
export function stopReasonToOpenAI(reason: StopReason): OpenAIFinishReason {
  switch (reason) {
    case 'max_tokens':
      return 'length'
    case 'tool_use':
      return 'tool_calls'
    case 'content_filter':
      return 'content_filter'
    case 'end':
    case 'stop_sequence':
    case 'pause':
    case 'error':
    case 'other':
      return 'stop'
  }
}

/**
 * The finish_reason for a reply: providers that report a plain stop after
 * calling tools (Gemini does) still tell OpenAI clients `tool_calls`, which
 * agent loops key on.
 */
export function finishReasonFor(reason: StopReason, hasToolCalls: boolean): OpenAIFinishReason {
  const mapped = stopReasonToOpenAI(reason)
  return hasToolCalls && mapped === 'stop' ? 'tool_calls' : mapped
}
