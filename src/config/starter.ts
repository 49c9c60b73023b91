/**
 * The config `llm-gateway init` writes: the offline mock, every well-known
 * provider whose key is in the environment — referenced as `${VAR}`, so the
 * file itself never holds a key and can be shared — and the local servers
 * found running, with the server and log sections at their defaults, there
 * to be edited.
 */
import { keyVarsOf, PRESETS } from '../providers/presets.js'
import { DEFAULT_HOST, DEFAULT_LOG_DIR, DEFAULT_PORT } from './defaults.js'

export interface StarterConfig {
  /** The JSON to write. */
  config: Record<string, unknown>
  /** The providers it configures, mock first. */
  providers: string[]
}

export interface StarterOptions {
  /** Local servers found running (preset names: ollama, lmstudio, vllm). */
  localServers?: readonly string[]
}

export function starterConfig(env: Readonly<Record<string, string | undefined>>, options: StarterOptions = {}): StarterConfig {
  const providers: Record<string, unknown> = { mock: { type: 'mock' } }
  for (const preset of PRESETS) {
    // The variable that is actually set (Gemini reads GEMINI_API_KEY or GOOGLE_API_KEY).
    const keyVar = keyVarsOf(preset).find((name) => env[name]?.trim())
    if (keyVar === undefined) continue
    // Named after the preset, the entry inherits its base URL and quirks; type and key are spelled out to be read.
    providers[preset.name] = { type: preset.type, apiKey: `\${${keyVar}}` }
  }
  // Named after its preset, a local server needs nothing else: address and (no) key come with it.
  for (const name of options.localServers ?? []) providers[name] ??= { type: 'openai' }
  return {
    config: {
      server: { host: DEFAULT_HOST, port: DEFAULT_PORT, apiKeys: [] },
      providers,
      models: {},
      log: { dir: DEFAULT_LOG_DIR, bodies: true },
    },
    providers: Object.keys(providers),
  }
}
