/**
 * A generateContent response -> IRResponse. Only the first candidate is read
 * (the IR has one choice). Thought parts become thinking, function calls get a
 * synthesized id, and every `thoughtSignature` stays on the part it came with.
 * A signature-only part (empty text) joins the part before it when that part
 * has none, which is where Gemini's non-streamed answers put it; otherwise it
 * becomes an empty thinking part so it still travels back.
 */
import { GatewayError } from '../../ir/errors.js'
import type { IRResponse, OutputPart } from '../../ir/types.js'
import { mapStopReason } from './map-stop-reason.js'
import { mapUsage } from './map-usage.js'
import { toolCallId } from './tool-call-id.js'
import type { GeminiPart, GeminiResponse } from './wire-types.js'

export function responseToIR(body: unknown): IRResponse {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new GatewayError('bad_gateway', 'Gemini returned a response that is not a JSON object', { upstreamFormat: 'gemini' })
  }
  const response = body as GeminiResponse
  const candidate = response.candidates?.[0]
  if (!candidate) throwIfBlocked(response)
  const content = outputParts(candidate?.content?.parts ?? [], response.responseId)
  const madeToolCalls = content.some((part) => part.type === 'tool_call')
  const ir: IRResponse = {
    id: response.responseId ?? '',
    model: response.modelVersion ?? '',
    content,
    stopReason: mapStopReason(candidate?.finishReason, madeToolCalls),
    stopSequence: null,
    usage: mapUsage(response.usageMetadata),
  }
  const created = response.createTime ? Date.parse(response.createTime) : Number.NaN
  if (!Number.isNaN(created)) ir.created = Math.floor(created / 1000)
  return ir
}

/** A prompt Gemini refused outright comes back with no candidates and a block reason. */
export function throwIfBlocked(response: GeminiResponse): void {
  const reason = response.promptFeedback?.blockReason
  if (reason) throw blockedPromptError(reason)
}

export function blockedPromptError(reason: string): GatewayError {
  return new GatewayError('invalid_request', `prompt blocked by Gemini: ${reason}`, {
    code: 'content_filter',
    upstreamType: reason,
    upstreamFormat: 'gemini',
  })
}

function outputParts(parts: GeminiPart[], responseId: string | undefined): OutputPart[] {
  const out: OutputPart[] = []
  let calls = 0
  for (const part of parts) {
    const signature = part.thoughtSignature || undefined
    if (part.functionCall) {
      const { name = '', args, id } = part.functionCall
      const call: OutputPart = { type: 'tool_call', id: toolCallId(calls++, name, responseId, id), name, input: args ?? {} }
      if (signature) call.signature = signature
      out.push(call)
    } else if (typeof part.text === 'string' && part.text !== '') {
      const textPart: OutputPart = part.thought ? { type: 'thinking', text: part.text } : { type: 'text', text: part.text }
      if (signature) textPart.signature = signature
      out.push(textPart)
    } else if (signature) {
      attachSignature(out, signature, part.thought === true)
    }
  }
  return out
}

function attachSignature(out: OutputPart[], signature: string, thought: boolean): void {
  const last = out.at(-1)
  const fits = last && last.type !== 'redacted_thinking' && !last.signature && (!thought || last.type === 'thinking')
  if (fits) last.signature = signature
  else out.push({ type: 'thinking', text: '', signature })
}
