/**
 * An inbound Chat Completions body as an IRRequest, fully validated: a wrong
 * type or value is a 400 naming the field. Fields the IR has no place for
 * (logprobs, metadata, store, ...) are ignored, as the passthrough would
 * forward them and a translated provider could not honour them anyway.
 */
import type { IRRequest } from '../../ir/types.js'
import { type JsonObject, invalidRequest, optionalBoolean, optionalInteger, optionalNumber, optionalObject, optionalString } from './check.js'
import { messagesToIR } from './messages-to-ir.js'
import { reasoningToIR, responseFormatToIR, stopToIR, toolChoiceToIR, toolsToIR } from './options-to-ir.js'
import { validateRequest } from './validate-request.js'

function maxTokens(body: JsonObject): number | undefined {
  const value = optionalInteger(body, 'max_completion_tokens') ?? optionalInteger(body, 'max_tokens')
  if (value !== undefined && value < 1) {
    const param = body.max_completion_tokens != null ? 'max_completion_tokens' : 'max_tokens'
    throw invalidRequest(`Invalid '${param}': integer below minimum value. Expected a value >= 1, but got ${value} instead.`, param, 'integer_below_min_value')
  }
  return value
}

/** Copy the defined values only, so the IR has no `key: undefined` noise. */
function defined<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>
}

export function requestToIR(input: unknown): IRRequest {
  validateRequest(input)
  const body = input as JsonObject
  const { system, messages } = messagesToIR(body.messages as unknown[])
  const stream = optionalBoolean(body, 'stream') ?? false
  const streamOptions = optionalObject(body, 'stream_options')
  const includeUsage = streamOptions ? optionalBoolean(streamOptions, 'include_usage', 'stream_options.include_usage') : undefined
  return {
    model: body.model as string,
    system,
    messages,
    stream,
    ...defined({
      tools: toolsToIR(body),
      toolChoice: toolChoiceToIR(body),
      parallelToolCalls: optionalBoolean(body, 'parallel_tool_calls'),
      maxTokens: maxTokens(body),
      temperature: optionalNumber(body, 'temperature'),
      topP: optionalNumber(body, 'top_p'),
      // Not OpenAI's, but vLLM/Ollama-style clients send it and other providers honour it.
      topK: optionalInteger(body, 'top_k'),
      stop: stopToIR(body),
      responseFormat: responseFormatToIR(body),
      reasoning: reasoningToIR(body),
      user: optionalString(body, 'user'),
      n: optionalInteger(body, 'n'),
      seed: optionalInteger(body, 'seed'),
      frequencyPenalty: optionalNumber(body, 'frequency_penalty'),
      presencePenalty: optionalNumber(body, 'presence_penalty'),
      includeUsage: stream ? includeUsage : undefined,
    }),
  }
}
