/** What one attempt at one target needs to know about the request it serves. */
import type { ClientFormat } from '../formats/types.js'
import type { IRRequest } from '../ir/types.js'
import type { Target } from '../routing/types.js'
import type { RequestTrace } from './request-trace.js'
import type { InboundRequest } from './types.js'

export interface AttemptContext {
  inbound: InboundRequest
  client: ClientFormat
  trace: RequestTrace
  /** Aborts when the client goes away or the gateway gives up. */
  signal: AbortSignal
  /** The request as IR, parsed on first use (the passthrough path never needs it). */
  ir(): IRRequest
}

/** The target speaks the client's format and can take its body as sent: the passthrough path. */
export function speaksClientFormat(client: ClientFormat, target: Target): boolean {
  return target.provider.format === client.name && target.provider.forward !== undefined
}

export const SSE_HEADERS: Record<string, string> = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  connection: 'keep-alive',
  // Tell reverse proxies (nginx) not to buffer the stream.
  'x-accel-buffering': 'no',
}

export const JSON_HEADERS: Record<string, string> = {
  'content-type': 'application/json',
}
