/**
 * Answer -> OpenAI Chat Completions body or chunk stream, shaped like the recordings:
 * role chunk, content chunks, tool-call chunks, finish chunk, usage chunk (only with
 * stream_options.include_usage), [DONE]. The 'deepseek' flavour mirrors DeepSeek's
 * variant (reasoning_content, usage:null on every chunk, usage in the finish chunk).
 */
import { defaultStop, resolveUsage, toolArgumentsJson, type Answer, type BuildOptions, type ResolvedUsage, type StopKind } from '../answer.js'
import { base62, createdFrom, uuidFrom } from '../hash.js'
import { bodyOf, jsonReplyOf, modelOf, sseReplyOf, wantsStream } from '../render-common.js'
import { countTokens, estimateInputTokens, splitJson, splitText } from '../text.js'
import type { RecordedRequest, Reply, ReplyContext, SseItem } from '../types.js'

export type OpenAIFlavour = 'openai' | 'deepseek'

export interface OpenAIBuildOptions extends BuildOptions {
  flavour?: OpenAIFlavour
}

const FINISH: Record<StopKind, string> = {
  end: 'stop',
  stop_sequence: 'stop',
  length: 'length',
  tool: 'tool_calls',
  content_filter: 'content_filter',
  refusal: 'stop',
}

interface Parts {
  text: string
  reasoning: string
  calls: { id: string; name: string; arguments: string }[]
}

function partsOf(answer: Answer, seed: string, flavour: OpenAIFlavour): Parts {
  let callIndex = 0
  const parts: Parts = { text: '', reasoning: '', calls: [] }
  for (const block of answer.blocks) {
    if (block.type === 'text') parts.text += block.text
    else if (block.type === 'thinking') parts.reasoning += block.text
    else if (block.type === 'tool_call') {
      const n = callIndex++
      const id = block.id ?? (flavour === 'deepseek' ? `call_0${n}_${base62(seed, `call${n}`, 24)}` : `call_${base62(seed, `call${n}`, 24)}`)
      parts.calls.push({ id, name: block.name, arguments: toolArgumentsJson(block.input) })
    }
  }
  return parts
}

function usageOf(u: ResolvedUsage, flavour: OpenAIFlavour) {
  const prompt = u.input + u.cacheRead + u.cacheWrite
  const base = { prompt_tokens: prompt, completion_tokens: u.output, total_tokens: prompt + u.output }
  if (flavour === 'deepseek') {
    return {
      ...base,
      prompt_tokens_details: { cached_tokens: u.cacheRead },
      completion_tokens_details: { reasoning_tokens: u.reasoning },
      prompt_cache_hit_tokens: u.cacheRead,
      prompt_cache_miss_tokens: prompt - u.cacheRead,
    }
  }
  return {
    ...base,
    prompt_tokens_details: { cached_tokens: u.cacheRead, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: u.reasoning, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  }
}

function estimatedUsage(request: RecordedRequest, answer: Answer, parts: Parts): ResolvedUsage {
  const body = bodyOf(request)
  const output = splitText(parts.text).length + parts.calls.reduce((n, c) => n + countTokens(c.name) + countTokens(c.arguments), 0)
  return resolveUsage(answer.usage, estimateInputTokens(body.messages, body.tools), output, splitText(parts.reasoning).length)
}

export function renderOpenAI(request: RecordedRequest, ctx: ReplyContext, answer: Answer, opts: OpenAIBuildOptions = {}): Reply {
  const flavour = opts.flavour ?? 'openai'
  const parts = partsOf(answer, ctx.seed, flavour)
  const usage = estimatedUsage(request, { ...answer, usage: opts.usage ?? answer.usage }, parts)
  const head = {
    id: opts.id ?? (flavour === 'deepseek' ? uuidFrom(ctx.seed, 'id') : `chatcmpl-${base62(ctx.seed, 'id', 29)}`),
    created: createdFrom(ctx.seed),
    model: modelOf(request, opts, 'gpt-4o-mini'),
    fingerprint: flavour === 'deepseek' ? 'fp_eaab8d114b_prod0820_fp8_kvcache' : `fp_${base62(ctx.seed, 'fp', 10).toLowerCase()}`,
  }
  const finish = FINISH[opts.stop ?? defaultStop(answer)]
  return wantsStream(request, opts)
    ? sseReplyOf(streamItems(request, ctx, parts, usage, head, finish, flavour, opts), opts)
    : jsonReplyOf(completionBody(parts, usage, head, finish, flavour), opts)
}

type Head = { id: string; created: number; model: string; fingerprint: string }

function completionBody(parts: Parts, usage: ResolvedUsage, head: Head, finish: string, flavour: OpenAIFlavour) {
  const message: Record<string, unknown> = { role: 'assistant', content: parts.text === '' && parts.calls.length ? null : parts.text }
  if (flavour === 'deepseek') {
    if (parts.reasoning !== '') message.reasoning_content = parts.reasoning
    if (message.content === null) message.content = ''
  } else {
    message.refusal = null
    message.annotations = []
  }
  if (parts.calls.length) {
    message.tool_calls = parts.calls.map((c, index) => ({
      ...(flavour === 'deepseek' ? { index } : {}),
      id: c.id,
      type: 'function',
      function: { name: c.name, arguments: c.arguments },
    }))
  }
  const body: Record<string, unknown> = {
    id: head.id,
    object: 'chat.completion',
    created: head.created,
    model: head.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: finish }],
    usage: usageOf(usage, flavour),
  }
  if (flavour === 'openai') body.service_tier = 'default'
  body.system_fingerprint = head.fingerprint
  return body
}

function streamItems(
  request: RecordedRequest,
  ctx: ReplyContext,
  parts: Parts,
  usage: ResolvedUsage,
  head: Head,
  finish: string,
  flavour: OpenAIFlavour,
  opts: BuildOptions,
): SseItem[] {
  const body = bodyOf(request)
  const includeUsage = (body.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true
  let n = 0
  const chunk = (delta: unknown, finishReason: string | null = null, extra: Record<string, unknown> = {}) => {
    const c: Record<string, unknown> = { id: head.id, object: 'chat.completion.chunk', created: head.created, model: head.model }
    if (flavour === 'openai') c.service_tier = 'default'
    c.system_fingerprint = head.fingerprint
    c.choices = [{ index: 0, delta, logprobs: null, finish_reason: finishReason }]
    if (includeUsage || flavour === 'deepseek') c.usage = null
    Object.assign(c, extra)
    // OpenAI pads chunks with a random-looking field against length side channels.
    if (flavour === 'openai') {
      const k = n++
      c.obfuscation = base62(ctx.seed, `obf${k}`, 1 + (k % 12))
    }
    return { data: c }
  }
  const items: SseItem[] = []
  const hasReasoning = parts.reasoning !== ''
  if (flavour === 'deepseek') {
    items.push(chunk(hasReasoning ? { role: 'assistant', content: null, reasoning_content: '' } : { role: 'assistant', content: '' }))
    for (const piece of splitText(parts.reasoning, opts.chunkSize)) items.push(chunk({ content: null, reasoning_content: piece }))
    for (const piece of splitText(parts.text, opts.chunkSize)) items.push(chunk(hasReasoning ? { content: piece, reasoning_content: null } : { content: piece }))
  } else {
    items.push(chunk({ role: 'assistant', content: parts.text === '' && parts.calls.length ? null : '', refusal: null }))
    for (const piece of splitText(parts.text, opts.chunkSize)) items.push(chunk({ content: piece }))
  }
  parts.calls.forEach((call, index) => {
    items.push(chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }))
    for (const piece of splitJson(call.arguments)) items.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }))
  })
  if (flavour === 'deepseek') {
    items.push(chunk({ content: '', reasoning_content: null }, finish, includeUsage ? { usage: usageOf(usage, flavour) } : {}))
  } else {
    items.push(chunk({}, finish))
    if (includeUsage) {
      const u = chunk({}, null)
      const data = u.data as Record<string, unknown>
      data.choices = []
      data.usage = usageOf(usage, flavour)
      items.push(u)
    }
  }
  items.push('data: [DONE]\n\n')
  return items
}
