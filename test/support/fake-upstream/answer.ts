/**
 * A provider-neutral description of what the fake "model" answers. Each provider's
 * renderer turns it into that provider's JSON body or stream, so builders stay tiny.
 */
import type { StreamEnding } from './types.js'

export type AnswerBlock =
  | { type: 'text'; text: string }
  | { type: 'thinking'; text: string; signature?: string }
  | { type: 'redacted_thinking'; data?: string }
  /** input: an object (serialised) or a string sent verbatim as the arguments JSON. */
  | { type: 'tool_call'; name: string; input: unknown; id?: string }

export type StopKind = 'end' | 'length' | 'tool' | 'stop_sequence' | 'refusal' | 'content_filter'

/**
 * Token counts in neutral terms. `input` excludes cache reads/writes (Anthropic style);
 * `output` includes `reasoning`. Each renderer maps these onto its provider's fields.
 */
export interface UsageSpec {
  input?: number
  output?: number
  cacheRead?: number
  cacheWrite?: number
  reasoning?: number
}

export interface Answer {
  blocks: AnswerBlock[]
  stop?: StopKind
  stopSequence?: string
  usage?: UsageSpec
}

/** Options every builder accepts. */
export interface BuildOptions {
  /** Force stream or not; default follows the request. */
  stream?: boolean
  /** Model name in the reply; default is the request's. */
  model?: string
  /** Response id; default is derived from the request hash. */
  id?: string
  usage?: UsageSpec
  stop?: StopKind
  /** Characters per streamed text delta; default splits on words. */
  chunkSize?: number
  chunkDelayMs?: number
  firstByteDelayMs?: number
  delayMs?: number
  ending?: StreamEnding
  status?: number
  headers?: Record<string, string>
}

export interface ResolvedUsage {
  input: number
  output: number
  cacheRead: number
  cacheWrite: number
  reasoning: number
}

export function resolveUsage(spec: UsageSpec | undefined, estimatedInput: number, estimatedOutput: number, estimatedReasoning: number): ResolvedUsage {
  const reasoning = spec?.reasoning ?? estimatedReasoning
  return {
    input: spec?.input ?? estimatedInput,
    output: spec?.output ?? Math.max(estimatedOutput + reasoning, 1),
    cacheRead: spec?.cacheRead ?? 0,
    cacheWrite: spec?.cacheWrite ?? 0,
    reasoning,
  }
}

export function defaultStop(answer: Answer): StopKind {
  if (answer.stop) return answer.stop
  return answer.blocks.some((b) => b.type === 'tool_call') ? 'tool' : 'end'
}

export function toolArgumentsJson(input: unknown): string {
  return typeof input === 'string' ? input : JSON.stringify(input ?? {})
}

export function toolArgumentsObject(input: unknown): unknown {
  if (typeof input !== 'string') return input ?? {}
  try {
    return JSON.parse(input)
  } catch {
    return {}
  }
}
