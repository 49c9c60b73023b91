/**
 * OpenAI Chat Completions wire shapes, as far as the gateway reads or writes
 * them. Inbound bodies are validated field by field (see request-to-ir.ts), so
 * these describe what we produce and what well-behaved services send.
 */

export interface OpenAITextPart {
  type: 'text'
  text: string
}

export interface OpenAIImagePart {
  type: 'image_url'
  image_url: { url: string; detail?: 'auto' | 'low' | 'high' }
}

export type OpenAIContentPart = OpenAITextPart | OpenAIImagePart

/** One entry of `reasoning_details` (the OpenRouter convention for carrying thinking). */
export type OpenAIReasoningDetail =
  | { type: 'reasoning.text'; text: string; signature?: string; index?: number }
  | { type: 'reasoning.encrypted'; data: string; index?: number }
  | { type: 'reasoning.summary'; summary: string; index?: number }

export interface OpenAIToolCall {
  id: string
  type: 'function'
  function: { name: string; arguments: string }
  /** Gemini's OpenAI-compatible API carries a tool call's thought signature here. */
  extra_content?: { google?: { thought_signature?: string } }
}

export type OpenAIMessage =
  | { role: 'system' | 'developer'; content: string | OpenAITextPart[] }
  | { role: 'user'; content: string | OpenAIContentPart[] }
  | {
      role: 'assistant'
      content: string | null
      tool_calls?: OpenAIToolCall[]
      reasoning_content?: string
    }
  | { role: 'tool'; tool_call_id: string; content: string | OpenAITextPart[] }

export interface OpenAITool {
  type: 'function'
  function: { name: string; description?: string; parameters?: Record<string, unknown>; strict?: boolean }
}

export type OpenAIToolChoice = 'none' | 'auto' | 'required' | { type: 'function'; function: { name: string } }

export type OpenAIResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | {
      type: 'json_schema'
      json_schema: { name: string; description?: string; schema?: Record<string, unknown>; strict?: boolean }
    }

export interface OpenAIChatRequest {
  model: string
  messages: OpenAIMessage[]
  tools?: OpenAITool[]
  tool_choice?: OpenAIToolChoice
  parallel_tool_calls?: boolean
  max_tokens?: number
  max_completion_tokens?: number
  temperature?: number
  top_p?: number
  stop?: string | string[]
  response_format?: OpenAIResponseFormat
  reasoning_effort?: string
  user?: string
  n?: number
  seed?: number
  frequency_penalty?: number
  presence_penalty?: number
  stream?: boolean
  stream_options?: { include_usage: boolean }
}

export type OpenAIFinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'function_call'

export interface OpenAIUsage {
  prompt_tokens: number
  completion_tokens: number
  total_tokens: number
  prompt_tokens_details?: { cached_tokens?: number; [key: string]: unknown }
  completion_tokens_details?: { reasoning_tokens?: number; [key: string]: unknown }
  /** DeepSeek's own cache accounting, sent next to the standard fields. */
  prompt_cache_hit_tokens?: number
  prompt_cache_miss_tokens?: number
}

export interface OpenAIResponseMessage {
  role: 'assistant'
  content: string | null
  refusal: string | null
  tool_calls?: OpenAIToolCall[]
  reasoning_content?: string
  reasoning_details?: OpenAIReasoningDetail[]
}

export interface OpenAIChatCompletion {
  id: string
  object: 'chat.completion'
  created: number
  model: string
  choices: Array<{
    index: number
    message: OpenAIResponseMessage
    logprobs: null
    finish_reason: OpenAIFinishReason
  }>
  usage: OpenAIUsage
  system_fingerprint: null
}

export interface OpenAIChunkToolCall {
  index: number
  id?: string
  type?: 'function'
  function?: { name?: string; arguments?: string }
  extra_content?: { google?: { thought_signature?: string } }
}

export interface OpenAIChunkDelta {
  role?: 'assistant'
  content?: string | null
  refusal?: string | null
  reasoning_content?: string | null
  reasoning?: string | null
  reasoning_details?: OpenAIReasoningDetail[]
  tool_calls?: OpenAIChunkToolCall[]
}

export interface OpenAIChatCompletionChunk {
  id: string
  object: 'chat.completion.chunk'
  created: number
  model: string
  system_fingerprint?: null
  choices: Array<{
    index: number
    delta: OpenAIChunkDelta
    logprobs: null
    finish_reason: OpenAIFinishReason | null
  }>
  usage?: OpenAIUsage | null
}

export interface OpenAIErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null }
}
