/**
 * Answer -> Gemini generateContent body or streamGenerateContent chunks, shaped like
 * the recordings: every chunk is a full GenerateContentResponse with cumulative
 * usageMetadata; the last carries finishReason. gemini-3 models sign their output:
 * the first functionCall part, or the text (in streams: a trailing empty text part).
 * SSE events end in CRLF like Google's servers; without alt=sse the stream is a JSON array.
 */
import { defaultStop, resolveUsage, toolArgumentsObject, type Answer, type BuildOptions, type ResolvedUsage, type StopKind } from '../answer.js'
import { base64url } from '../hash.js'
import { bodyOf, jsonReplyOf, modelOf, sseReplyOf, wantsStream } from '../render-common.js'
import { countTokens, estimateInputTokens, splitText } from '../text.js'
import type { RecordedRequest, Reply, ReplyContext, SseItem } from '../types.js'

export interface GeminiBuildOptions extends BuildOptions {
  /** Sign the output (default: model starts with gemini-3). A string is used as the signature. */
  thoughtSignature?: boolean | string
}

const FINISH: Record<StopKind, string> = {
  end: 'STOP',
  stop_sequence: 'STOP',
  tool: 'STOP',
  length: 'MAX_TOKENS',
  refusal: 'SAFETY',
  content_filter: 'SAFETY',
}

type Part = Record<string, unknown>

export function isGemini3(model: string | undefined): boolean {
  return /^(models\/)?gemini-3/.test(model ?? '')
}

function signatureFor(request: RecordedRequest, ctx: ReplyContext, opts: GeminiBuildOptions, model: string): string | undefined {
  if (typeof opts.thoughtSignature === 'string') return opts.thoughtSignature
  const sign = opts.thoughtSignature ?? isGemini3(model)
  return sign ? ctx.geminiSignature(`${ctx.seed}:signature`) : undefined
}

function estimate(request: RecordedRequest, answer: Answer): ResolvedUsage {
  const body = bodyOf(request)
  let output = 0
  let reasoning = 0
  for (const b of answer.blocks) {
    if (b.type === 'text') output += splitText(b.text).length
    else if (b.type === 'thinking') reasoning += splitText(b.text).length
    else if (b.type === 'tool_call') output += countTokens(b.name) + countTokens(JSON.stringify(b.input ?? {}))
  }
  return resolveUsage(answer.usage, estimateInputTokens(body.contents, body.systemInstruction, body.tools), output, reasoning)
}

/** Cumulative usage after `visibleSoFar` of the visible output tokens. */
function usageMetadata(u: ResolvedUsage, visibleSoFar = u.output - u.reasoning) {
  const prompt = u.input + u.cacheRead + u.cacheWrite
  const meta: Record<string, unknown> = {
    promptTokenCount: prompt,
    candidatesTokenCount: visibleSoFar,
    totalTokenCount: prompt + visibleSoFar + u.reasoning,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: prompt }],
  }
  if (u.cacheRead > 0) {
    meta.cachedContentTokenCount = u.cacheRead
    meta.cacheTokensDetails = [{ modality: 'TEXT', tokenCount: u.cacheRead }]
  }
  if (u.reasoning > 0) meta.thoughtsTokenCount = u.reasoning
  return meta
}

export function renderGemini(request: RecordedRequest, ctx: ReplyContext, answer: Answer, opts: GeminiBuildOptions = {}): Reply {
  if (!wantsStream(request, opts)) return jsonReplyOf(geminiResponse(request, ctx, answer, opts), opts)
  const chunks = geminiChunks(request, ctx, answer, opts)
  if (request.route !== 'gemini.stream' || request.query.alt === 'sse') return sseReplyOf(chunks.map((data) => ({ data })), opts, '\r\n')
  // streamGenerateContent without alt=sse streams one JSON array, element by element.
  const items: SseItem[] = chunks.map((c, i) => `${i === 0 ? '[' : ',\r\n'}${JSON.stringify(c)}`)
  items.push(chunks.length ? ']' : '[]')
  return { ...sseReplyOf(items, opts), contentType: 'application/json; charset=UTF-8' }
}

export function geminiResponse(request: RecordedRequest, ctx: ReplyContext, answer: Answer, opts: GeminiBuildOptions = {}) {
  const model = modelOf(request, opts, 'gemini-2.5-flash')
  const signature = signatureFor(request, ctx, opts, model)
  const usage = estimate(request, { ...answer, usage: opts.usage ?? answer.usage })
  const parts: Part[] = []
  for (const b of answer.blocks) {
    if (b.type === 'thinking') parts.push({ text: b.text, thought: true })
    else if (b.type === 'text') {
      const last = parts[parts.length - 1]
      if (last && typeof last.text === 'string' && !last.thought) last.text += b.text
      else parts.push({ text: b.text })
    } else if (b.type === 'tool_call') parts.push({ functionCall: { name: b.name, args: toolArgumentsObject(b.input) } })
  }
  const firstCall = parts.find((p) => p.functionCall)
  const firstVisible = firstCall ?? parts.find((p) => !p.thought)
  if (signature && firstVisible) firstVisible.thoughtSignature = signature
  const stop = opts.stop ?? defaultStop(answer)
  const candidate: Record<string, unknown> = { content: { parts: parts.length ? parts : [{ text: '' }], role: 'model' }, finishReason: FINISH[stop], index: 0 }
  if (firstCall) candidate.finishMessage = 'Model generated function call(s).'
  return { candidates: [candidate], usageMetadata: usageMetadata(usage), modelVersion: model, responseId: opts.id ?? base64url(ctx.seed, 'id', 23) }
}

/** The chunk objects of a stream, exported for streamError builders. */
export function geminiChunks(request: RecordedRequest, ctx: ReplyContext, answer: Answer, opts: GeminiBuildOptions = {}): Record<string, unknown>[] {
  const model = modelOf(request, opts, 'gemini-2.5-flash')
  const signature = signatureFor(request, ctx, opts, model)
  const usage = estimate(request, { ...answer, usage: opts.usage ?? answer.usage })
  const responseId = opts.id ?? base64url(ctx.seed, 'id', 23)
  const visibleTotal = usage.output - usage.reasoning
  const textTotal = Math.max(1, answer.blocks.reduce((n, b) => n + (b.type === 'text' ? splitText(b.text, opts.chunkSize).length : 0), 0))
  let textSeen = 0
  const chunk = (parts: Part[], finishReason?: string) => {
    const candidate: Record<string, unknown> = { content: { parts, role: 'model' } }
    if (finishReason) candidate.finishReason = finishReason
    candidate.index = 0
    const soFar = finishReason ? visibleTotal : Math.min(visibleTotal, Math.round((visibleTotal * textSeen) / textTotal))
    return { candidates: [candidate], usageMetadata: usageMetadata(usage, soFar), modelVersion: model, responseId }
  }
  const chunks: Record<string, unknown>[] = []
  const calls: Part[] = []
  for (const b of answer.blocks) {
    if (b.type === 'thinking') chunks.push(chunk([{ text: b.text, thought: true }]))
    else if (b.type === 'text') {
      for (const piece of splitText(b.text, opts.chunkSize)) {
        textSeen++
        chunks.push(chunk([{ text: piece }]))
      }
    } else if (b.type === 'tool_call') calls.push({ functionCall: { name: b.name, args: toolArgumentsObject(b.input) } })
  }
  if (calls.length) {
    if (signature) calls[0].thoughtSignature = signature
    chunks.push(chunk(calls))
  }
  const finish = FINISH[opts.stop ?? defaultStop(answer)]
  const lastIsText = answer.blocks.at(-1)?.type === 'text' && chunks.length > 0 && !calls.length
  if (lastIsText && !signature) {
    // Older models put finishReason on the last text chunk itself.
    const last = chunks.pop() as { candidates: { content: { parts: Part[] } }[] }
    chunks.push(chunk(last.candidates[0].content.parts, finish))
  } else {
    const tail: Part = { text: '' }
    if (signature && !calls.length) tail.thoughtSignature = signature
    chunks.push(chunk([tail], finish))
  }
  return chunks
}
