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

export interface AliasConfig {
  /** Ordered targets as `provider/model` (or other aliases / bare names). */
  targets: string[]
}

export interface ServerConfig {
  host: string
  port: number
  /** Keys clients must present; empty = no auth. Secrets. */
  apiKeys: string[]
  /** Largest accepted request body, bytes. */
  bodyLimit: number
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
  log: LogConfig
}
