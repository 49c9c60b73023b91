/**
 * Where a one-off request goes: the gateway pipeline in this process, or a
 * running gateway at `--url`. Both answer exactly as the HTTP server would
 * (status, headers, SSE or JSON text), so everything after sending is shared.
 */
import type { OpenAIQuirks } from '../../formats/types.js'
import type { ClientFormatName, Usage } from '../../ir/types.js'

export interface WireRequest {
  format: ClientFormatName
  /** `/v1/chat/completions` or `/v1/messages`. */
  endpoint: string
  body: Record<string, unknown>
}

export interface WireResponse {
  status: number
  /** Lower-case names. */
  headers: Record<string, string>
  body: string | AsyncIterable<string | Uint8Array>
}

export interface Transport {
  /** The model used when `-m` is not given (throws UsageError when there is none). */
  defaultModel(): string
  /** The OpenAI-compatible quirks of the providers a model routes to, so the body avoids fields they reject. */
  quirksFor(model: string): OpenAIQuirks
  send(request: WireRequest, signal: AbortSignal): Promise<WireResponse>
  /** USD for the footer; null when the price is unknown. */
  cost(providerModel: string, usage: Usage, provider: string | null): number | null
  /** Release connections and flush the traffic log. */
  close(): Promise<void>
}

export const USER_AGENT_PREFIX = 'llm-gateway-cli'
/** The Anthropic API version the messages command speaks. */
export const ANTHROPIC_VERSION = '2023-06-01'
