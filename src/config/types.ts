/**
 * Configuration as the user writes it (after `${ENV}` interpolation) and as the
 * rest of the gateway sees it (validated, defaults applied).
 */
import type { OpenAIQuirks } from '../formats/types.js'

export type ProviderType = 'openai' | 'anthropic' | 'gemini' | 'mock'

export interface ProviderTimeouts {
  /** Time to open the TCP/TLS connection. */
  connectMs: number
  /** Time from sending the request to the response headers. */
  firstByteMs: number
  /** Longest silence allowed between two body chunks. */
  idleMs: number
}

export interface ProviderConfig {
  /** The config key: the `provider` in `provider/model`. */
  name: string
  type: ProviderType
  /** Preset this provider was built from (groq, deepseek, ...), if any. */
  preset?: string
  baseURL: string
  /** Secret. Never logged, echoed or printed. */
  apiKey?: string
  /** Set when the key came from an environment variable that is unset. */
  missingKeyVar?: string
  /** Extra headers sent upstream (e.g. OpenRouter's HTTP-Referer). */
  headers: Record<string, string>
  /** Models this provider is known to serve (in addition to the catalogue). */
  models: string[]
  quirks: OpenAIQuirks
  timeouts: ProviderTimeouts
  /** Additional keys rotated with apiKey (routing). */
  apiKeys: string[]
}

/** USD per million tokens, as a `models` entry states it. */
export interface PriceOverride {
  input: number
  output: number
  cacheRead?: number
  cacheWrite?: number
}

export interface CapabilityOverrides {
  tools?: boolean
  vision?: boolean
  reasoning?: boolean
  caching?: boolean
  json?: boolean
}

/** Figures a `models` entry adds to, or corrects in, the built-in catalogue. */
export interface ModelOverrides {
  contextWindow?: number
  maxOutputTokens?: number
  pricing?: PriceOverride
  capabilities?: CapabilityOverrides
  /** Free text shown by `models`. */
  description?: string
}

export interface AliasConfig extends ModelOverrides {
  /**
   * Ordered targets as `provider/model` (or other aliases / bare names): a
   * fallback chain. Empty when the entry only overrides catalogue figures for
   * the model of the same name.
   */
  targets: string[]
}

/** Retries, fallbacks, the circuit breaker and provider model lists (src/routing). */
export interface RoutingConfig {
  /** Extra attempts on the same target after a retryable failure. */
  retries: number
  /** First backoff; doubles per retry, with jitter. */
  backoffMs: number
  /** Largest backoff; also the longest `retry-after` waited for while other targets remain. */
  maxBackoffMs: number
  /** No retry or fallback starts once this long has passed since the request arrived. */
  deadlineMs: number
  breaker: {
    /** Consecutive failures that open a provider's breaker; 0 disables it. */
    failures: number
    /** How long an open breaker skips the provider before one probe request. */
    cooldownMs: number
  }
  modelLists: {
    /** How old a provider's fetched model list may get before a background refresh; 0 never fetches. */
    refreshMs: number
    /** How long a request waits for a provider's first model list. */
    waitMs: number
  }
}

export interface ServerConfig {
  host: string
  port: number
  /** Keys clients must present; empty = no auth. Secrets. */
  apiKeys: string[]
  /** Largest accepted request body, bytes. */
  bodyLimit: number
  /** On SIGINT/SIGTERM, how long in-flight requests may take to finish before they are cut. */
  shutdownGraceMs: number
}

export interface LogConfig {
  dir: string
  bodies: boolean
  enabled: boolean
}

export interface GatewayConfig {
  /** Where the config came from; null for the zero-config default. */
  source: string | null
  server: ServerConfig
  providers: Record<string, ProviderConfig>
  models: Record<string, AliasConfig>
  routing: RoutingConfig
  log: LogConfig
}
