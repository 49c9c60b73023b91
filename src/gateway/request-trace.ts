/**
 * Collects what the traffic log needs while a request runs, and hands the
 * finished record to the recorder after the response is done — off the
 * request path (setImmediate), so logging never delays a byte.
 */
import { randomUUID } from 'node:crypto'
import type { GatewayError } from '../ir/errors.js'
import type { ClientFormatName, Usage } from '../ir/types.js'
import type { AttemptRecord, LogRecord, Recorder, RecordUsage } from '../log/record.js'

let counter = 0

/**
 * Time-sortable, unique request id: `gw_<time base36><counter><random>`. The
 * random part is the first 8 hex digits of a UUID: Node serves those from a
 * cached entropy pool, ~8x cheaper per request than randomBytes(4).
 */
export function newRequestId(): string {
  counter = (counter + 1) % 1296
  return `gw_${Date.now().toString(36)}${counter.toString(36).padStart(2, '0')}${randomUUID().slice(0, 8)}`
}

export function toRecordUsage(usage: Usage | undefined): RecordUsage | null {
  if (!usage) return null
  return {
    input: usage.inputTokens,
    output: usage.outputTokens,
    cacheRead: usage.cacheReadTokens ?? 0,
    cacheWrite: usage.cacheWriteTokens ?? 0,
    reasoning: usage.reasoningTokens ?? 0,
  }
}

export interface TraceStart {
  format: ClientFormatName
  endpoint: string
  headers: Record<string, string>
  origin: 'server' | 'cli'
}

export interface TraceEnd {
  status: number
  usage?: Usage
  response?: unknown
  /** `response` as the JSON text the client was sent, when there is one: the log writes it as is. */
  responseText?: string
  error?: GatewayError
  cancelled?: boolean
}

/** USD for one call; `provider` (the config name) lets the price be the host's, not the first party's. */
export type CostFunction = (model: string, usage: Usage, provider: string | null) => number | null

export class RequestTrace {
  readonly id = newRequestId()
  readonly attempts: AttemptRecord[] = []
  private readonly startedAt = Date.now()
  private readonly started = performance.now()
  private firstByteAt: number | undefined
  private finished = false
  model: string | null = null
  provider: string | null = null
  providerModel: string | null = null
  stream = false
  request: unknown = null
  /** `request` as the JSON text the client sent (its raw body), when it parsed: the log writes it as is. */
  requestText: string | undefined

  constructor(
    private readonly start: TraceStart,
    private readonly recorder: Recorder,
    private readonly cost: CostFunction,
  ) {}

  /** Mark the first content byte sent to the client (time to first token). */
  firstByte(): void {
    if (this.firstByteAt === undefined) this.firstByteAt = performance.now()
  }

  /**
   * Finish the record. `build` runs later, off the request path: heavy work
   * (assembling a streamed response, parsing a body) belongs in it.
   */
  finish(build: () => TraceEnd): void {
    if (this.finished) return
    this.finished = true
    const latencyMs = Math.round(performance.now() - this.started)
    const ttftMs = this.firstByteAt === undefined ? null : Math.round(this.firstByteAt - this.started)
    setImmediate(() => {
      let end: TraceEnd
      try {
        end = build()
      } catch (error) {
        end = { status: 500, error: error as GatewayError }
      }
      const usage = toRecordUsage(end.usage)
      const record: LogRecord = {
        id: this.id,
        time: new Date(this.startedAt).toISOString(),
        format: this.start.format,
        endpoint: this.start.endpoint,
        model: this.model,
        provider: this.provider,
        providerModel: this.providerModel,
        stream: this.stream,
        status: end.status,
        latencyMs,
        ttftMs,
        usage,
        costUsd: end.usage && this.providerModel ? this.cost(this.providerModel, end.usage, this.provider) : null,
        attempts: this.attempts,
        request: this.request,
        response: end.response ?? null,
        error: end.error ? { type: end.error.kind ?? 'api_error', message: end.error.message } : null,
        client: this.start.headers['user-agent'] ?? null,
        origin: this.start.origin,
      }
      if (end.cancelled) record.cancelled = true
      if (this.requestText !== undefined) record.requestText = this.requestText
      if (end.responseText !== undefined) record.responseText = end.responseText
      this.recorder.record(record)
    })
  }
}
