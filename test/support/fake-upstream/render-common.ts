/** Glue shared by the three renderers: wrap bodies/events into replies with the builder's timing. */
import type { BuildOptions } from './answer.js'
import type { JsonReply, RecordedRequest, SseItem, SseReply } from './types.js'

export function jsonReplyOf(json: unknown, opts: BuildOptions): JsonReply {
  return { json, status: opts.status, headers: opts.headers, delayMs: opts.delayMs }
}

export function sseReplyOf(sse: SseItem[], opts: BuildOptions, lineEnding: '\n' | '\r\n' = '\n'): SseReply {
  return {
    sse,
    status: opts.status,
    headers: opts.headers,
    delayMs: opts.delayMs,
    chunkDelayMs: opts.chunkDelayMs,
    firstByteDelayMs: opts.firstByteDelayMs,
    ending: opts.ending,
    lineEnding,
  }
}

export function wantsStream(request: RecordedRequest, opts: BuildOptions): boolean {
  return opts.stream ?? request.stream
}

export function modelOf(request: RecordedRequest, opts: BuildOptions, fallback: string): string {
  return opts.model ?? request.model ?? fallback
}

export function bodyOf(request: RecordedRequest): Record<string, unknown> {
  const json = request.json
  return json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : {}
}
