/**
 * One traffic-log record: a request/response pair as the gateway saw it.
 * Written as one JSON line; field names are the on-disk contract.
 */
import type { ClientFormatName } from '../ir/types.js'

export interface RecordUsage {
  input: number
  output: number
  cacheRead: number
  cacheWrite: number
  reasoning: number
}

export interface AttemptRecord {
  provider: string
  providerModel: string
  status: number
  latencyMs: number
  error?: string
}

export interface LogRecord {
  id: string
  /** ISO 8601 start time. */
  time: string
  format: ClientFormatName
  endpoint: string
  /** The model as the client named it. */
  model: string | null
  provider: string | null
  providerModel: string | null
  stream: boolean
  /** HTTP status the client got (499 when the client went away). */
  status: number
  latencyMs: number
  /** Time to the first byte of content sent to the client. */
  ttftMs: number | null
  usage: RecordUsage | null
  costUsd: number | null
  attempts: AttemptRecord[]
  request: unknown
  response: unknown
  error: { type: string; message: string } | null
  /** The client's user-agent. */
  client: string | null
  /** Where the request came from: the server, or a one-off CLI command. */
  origin?: 'server' | 'cli'
  cancelled?: boolean
  /**
   * `request` as JSON text, when the gateway already has it (the body exactly as
   * the client sent it). The file writer uses it instead of serializing
   * `request` again; it is never written as a field of its own.
   */
  requestText?: string
  /** `response` as JSON text (what the client was sent), likewise. */
  responseText?: string
}

/** Where finished records go. The gateway never waits on it. */
export interface Recorder {
  record(record: LogRecord): void
  flush?(): Promise<void>
  close?(): Promise<void>
}

export const nullRecorder: Recorder = { record() {} }
