/**
 * Shared set-up for the translation tests: one fake upstream posing as both an
 * OpenAI-type and an Anthropic-type provider, one gateway in front of it, and the
 * two official SDKs pointed at the gateway (no retries, so every call is one
 * upstream exchange).
 *
 * The `ask*` helpers run a request through one client in one mode (stream or
 * not) and boil the answer down to an `Outcome`, so the matrix can compare cells
 * that speak different formats. Stream modes go through the SDKs' own stream
 * helpers (`chat.completions.stream(...).finalChatCompletion()` and
 * `messages.stream(...).finalMessage()`), which must accept every stream.
 */
import Anthropic from '@anthropic-ai/sdk'
import OpenAI from 'openai'
import type { ChatCompletion, ChatCompletionChunk, ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions'
import { type SdkHarness, startSdkHarness } from '../support/sdk-harness.js'

export type ClientKind = 'openai' | 'anthropic'
export type ProviderKind = 'openai' | 'anthropic'
export type Mode = 'json' | 'stream'

export const UPSTREAM_KEY = 'sk-upstream-secret'

/** The gateway model names that pin each provider kind. */
export const MODEL: Record<ProviderKind, string> = {
  openai: 'oai/gpt-4o-mini',
  anthropic: 'ant/claude-sonnet-4-5',
}

export type Harness = SdkHarness

export function startHarness(): Promise<Harness> {
  return startSdkHarness(UPSTREAM_KEY, (fake) => ({
    providers: {
      oai: { type: 'openai', baseURL: fake.baseURL('openai'), apiKey: UPSTREAM_KEY },
      ant: { type: 'anthropic', baseURL: fake.baseURL('anthropic'), apiKey: UPSTREAM_KEY },
    },
    // One attempt per request and no breaker: every test looks at one upstream exchange,
    // and the error cells must not change how later cells are routed.
    routing: { retries: 0, breaker: { failures: 0 }, modelLists: { refreshMs: 0 } },
  }))
}

/** An answer in neutral terms, whichever client format carried it. */
export interface Outcome {
  text: string
  /** Thinking texts, one per thinking block / reasoning_details entry. */
  thinking: string[]
  /** Signatures that came with the thinking ('' when none). */
  signatures: string[]
  toolCalls: Array<{ id: string; name: string; input: unknown }>
  stop: 'end' | 'tool' | 'length' | 'other'
  usage: { input: number; output: number; cacheRead: number; cacheWrite?: number }
}

// ---------------------------------------------------------------- OpenAI client

/** What the OpenAI SDK accepts plus the gateway's extensions (reasoning_details on assistant messages). */
export type OpenAIParams = Omit<ChatCompletionCreateParamsNonStreaming, 'model' | 'messages'> & {
  messages: Array<Record<string, unknown>>
}

interface ReasoningDetail {
  type: string
  text?: string
  signature?: string
  data?: string
  index?: number
}

type OpenAIMessageOut = ChatCompletion['choices'][number]['message'] & {
  reasoning_content?: string
  reasoning_details?: ReasoningDetail[]
}

const OPENAI_STOP: Record<string, Outcome['stop']> = { stop: 'end', tool_calls: 'tool', length: 'length' }

/**
 * `details`: the reasoning_details entries the client saw; `reasoningText`: the
 * plain reasoning_content (all a DeepSeek-style upstream sends through the passthrough).
 */
function outcomeFromOpenAI(completion: ChatCompletion, details: ReasoningDetail[], reasoningText: string): Outcome {
  const choice = completion.choices[0]
  const message = choice.message as OpenAIMessageOut
  const cached = completion.usage?.prompt_tokens_details?.cached_tokens ?? 0
  const texts = details.filter((d) => d.type === 'reasoning.text')
  return {
    text: message.content ?? '',
    thinking: texts.length > 0 ? texts.map((d) => d.text ?? '') : reasoningText ? [reasoningText] : [],
    signatures: texts.length > 0 ? texts.map((d) => d.signature ?? '') : reasoningText ? [''] : [],
    toolCalls: (message.tool_calls ?? []).map((call) => {
      if (call.type !== 'function') throw new Error(`unexpected tool call type ${call.type}`)
      // Strict on purpose: OpenAI always sends parseable arguments ("{}" for none), clients rely on it.
      return { id: call.id, name: call.function.name, input: JSON.parse(call.function.arguments) }
    }),
    stop: OPENAI_STOP[choice.finish_reason] ?? 'other',
    usage: {
      input: (completion.usage?.prompt_tokens ?? 0) - cached,
      output: completion.usage?.completion_tokens ?? 0,
      cacheRead: cached,
    },
  }
}

/** Everything an OpenAI SDK stream consumer can see, besides the final completion. */
export interface OpenAIStreamTrace {
  chunks: ChatCompletionChunk[]
  /** reasoning_content deltas joined. */
  reasoningText: string
  /** Every reasoning_details entry from the deltas, in order (how a client should collect them). */
  reasoningDetails: ReasoningDetail[]
  /** `tool_calls.function.arguments.done` events of the SDK helper. */
  toolCallsDone: Array<{ name: string; index: number; arguments: string }>
}

export async function askOpenAI(
  h: Harness,
  model: string,
  params: OpenAIParams,
  mode: Mode,
): Promise<{ outcome: Outcome; completion: ChatCompletion; trace?: OpenAIStreamTrace }> {
  const body = { ...params, model } as unknown as ChatCompletionCreateParamsNonStreaming
  if (mode === 'json') {
    const completion = await h.openai.chat.completions.create(body)
    const message = completion.choices[0].message as OpenAIMessageOut
    return { outcome: outcomeFromOpenAI(completion, message.reasoning_details ?? [], message.reasoning_content ?? ''), completion }
  }
  const stream = h.openai.chat.completions.stream({ ...body, stream: true, stream_options: { include_usage: true } })
  const trace: OpenAIStreamTrace = { chunks: [], reasoningText: '', reasoningDetails: [], toolCallsDone: [] }
  stream.on('chunk', (chunk) => {
    trace.chunks.push(chunk)
    const delta = chunk.choices[0]?.delta as (ChatCompletionChunk.Choice.Delta & { reasoning_content?: string; reasoning_details?: ReasoningDetail[] }) | undefined
    if (delta?.reasoning_content) trace.reasoningText += delta.reasoning_content
    if (delta?.reasoning_details) trace.reasoningDetails.push(...delta.reasoning_details)
  })
  stream.on('tool_calls.function.arguments.done', (event) => trace.toolCallsDone.push({ name: event.name, index: event.index, arguments: event.arguments }))
  const completion = await stream.finalChatCompletion()
  // The SDK's snapshot keeps only the last chunk's value of fields it does not know
  // (reasoning_content, reasoning_details): the outcome uses what the deltas carried.
  const outcome = outcomeFromOpenAI(completion, trace.reasoningDetails, trace.reasoningText)
  const usageChunk = trace.chunks.at(-1)
  if (usageChunk?.usage) {
    const cached = usageChunk.usage.prompt_tokens_details?.cached_tokens ?? 0
    outcome.usage = { input: usageChunk.usage.prompt_tokens - cached, output: usageChunk.usage.completion_tokens, cacheRead: cached }
  }
  return { outcome, completion, trace }
}

// ------------------------------------------------------------- Anthropic client

export type AnthropicParams = Omit<Anthropic.MessageCreateParamsNonStreaming, 'model'>

const ANTHROPIC_STOP: Record<string, Outcome['stop']> = { end_turn: 'end', stop_sequence: 'end', tool_use: 'tool', max_tokens: 'length' }

export function outcomeFromAnthropic(message: Anthropic.Message): Outcome {
  const thinking = message.content.filter((b): b is Anthropic.ThinkingBlock => b.type === 'thinking')
  return {
    text: message.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join(''),
    thinking: thinking.map((b) => b.thinking),
    signatures: thinking.map((b) => b.signature),
    toolCalls: message.content.flatMap((b) => (b.type === 'tool_use' ? [{ id: b.id, name: b.name, input: b.input }] : [])),
    stop: ANTHROPIC_STOP[message.stop_reason ?? ''] ?? 'other',
    usage: {
      input: message.usage.input_tokens,
      output: message.usage.output_tokens,
      cacheRead: message.usage.cache_read_input_tokens ?? 0,
      cacheWrite: message.usage.cache_creation_input_tokens ?? 0,
    },
  }
}

export interface AnthropicStreamTrace {
  events: Anthropic.MessageStreamEvent[]
  /** input_json deltas joined per content block index. */
  inputJson: Map<number, string>
}

export async function askAnthropic(
  h: Harness,
  model: string,
  params: AnthropicParams,
  mode: Mode,
): Promise<{ outcome: Outcome; message: Anthropic.Message; trace?: AnthropicStreamTrace }> {
  if (mode === 'json') {
    const message = await h.anthropic.messages.create({ ...params, model })
    return { outcome: outcomeFromAnthropic(message), message }
  }
  const stream = h.anthropic.messages.stream({ ...params, model })
  const trace: AnthropicStreamTrace = { events: [], inputJson: new Map() }
  stream.on('streamEvent', (event) => {
    trace.events.push(event)
    if (event.type === 'content_block_delta' && event.delta.type === 'input_json_delta') {
      trace.inputJson.set(event.index, (trace.inputJson.get(event.index) ?? '') + event.delta.partial_json)
    }
  })
  const message = await stream.finalMessage()
  return { outcome: outcomeFromAnthropic(message), message, trace }
}

/** The JSON body the fake upstream received for its n-th request (0-based, default: the last one). */
export function received(h: Harness, n?: number): Record<string, unknown> {
  const request = n === undefined ? h.fake.requests.at(-1) : h.fake.requests[n]
  if (!request) throw new Error('the upstream received no request')
  return request.json as Record<string, unknown>
}
