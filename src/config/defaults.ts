/** Built-in defaults, in one place so the README and the code agree. */
import type { ProviderTimeouts, ProviderType } from './types.js'

export const DEFAULT_HOST = '127.0.0.1'
export const DEFAULT_PORT = 4000
/** 32 MB: large enough for image-heavy agent contexts. */
export const DEFAULT_BODY_LIMIT = 32 * 1024 * 1024
/** Long enough for most answers in flight to finish; short enough for a restart to feel prompt. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000
export const DEFAULT_LOG_DIR = '~/.llm-gateway/logs'

export const DEFAULT_TIMEOUTS: ProviderTimeouts = {
  connectMs: 10_000,
  // Reasoning models can think for minutes before the first byte of a non-stream reply.
  firstByteMs: 600_000,
  idleMs: 300_000,
}

/** Base URL per type when neither the config nor a preset gives one (each official SDK's default). */
export const DEFAULT_BASE_URLS: Record<ProviderType, string> = {
  openai: 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com',
  gemini: 'https://generativelanguage.googleapis.com/v1beta',
  mock: 'mock://local',
}
