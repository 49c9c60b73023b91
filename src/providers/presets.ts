/**
 * Well-known providers: where they live, what they speak, which environment
 * variable holds their key, and how their OpenAI-compatible APIs differ from
 * OpenAI's. A config entry named after a preset (or with `preset: NAME`)
 * inherits all of it; with no config file, `presetsFromEnv` picks the presets
 * whose key is in the environment.
 *
 * Base URLs follow each official SDK's convention: OpenAI-type ends in the API
 * version (`/v1`), Anthropic is the bare host, Gemini ends at `/v1beta`.
 */
import type { OpenAIQuirks } from '../formats/types.js'
import type { WireFormatName } from '../ir/types.js'

export interface Preset {
  name: string
  /** Human name for listings. */
  label: string
  type: WireFormatName
  baseURL: string
  /** Variables tried in order for the API key. */
  apiKeyEnv?: string | string[]
  /** false for local servers that accept requests without a key. */
  keyRequired: boolean
  /** Runs on this machine. */
  local: boolean
  quirks: OpenAIQuirks
  /** Other names a config entry may use for this preset (e.g. `google`). */
  aliases?: string[]
  /** Where the provider documents its API. */
  docs: string
}

export const PRESETS: readonly Preset[] = [
  {
    name: 'openai',
    label: 'OpenAI',
    type: 'openai',
    baseURL: 'https://api.openai.com/v1',
    apiKeyEnv: 'OPENAI_API_KEY',
    keyRequired: true,
    local: false,
    // Reasoning models (o-series, gpt-5 and later) reject `max_tokens` with
    // "Use 'max_completion_tokens' instead"; every current chat model accepts
    // `max_completion_tokens`, so it is always used.
    quirks: { maxCompletionTokens: true },
    docs: 'https://developers.openai.com/api/docs',
  },
  {
    name: 'anthropic',
    label: 'Anthropic',
    type: 'anthropic',
    baseURL: 'https://api.anthropic.com',
    apiKeyEnv: 'ANTHROPIC_API_KEY',
    keyRequired: true,
    local: false,
    quirks: {},
    aliases: ['claude'],
    docs: 'https://platform.claude.com/docs',
  },
  {
    name: 'gemini',
    label: 'Google Gemini',
    type: 'gemini',
    baseURL: 'https://generativelanguage.googleapis.com/v1beta',
    // GEMINI_API_KEY is what Google's SDKs read first; GOOGLE_API_KEY is the older name they still honour.
    apiKeyEnv: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
    keyRequired: true,
    local: false,
    quirks: {},
    aliases: ['google', 'google-ai'],
    docs: 'https://ai.google.dev/gemini-api/docs',
  },
  {
    name: 'groq',
    label: 'Groq',
    type: 'openai',
    baseURL: 'https://api.groq.com/openai/v1',
    apiKeyEnv: 'GROQ_API_KEY',
    keyRequired: true,
    local: false,
    // Groq answered `stream_options` with "property 'stream_options' is
    // unsupported" (400) when it was introduced; later support is unconfirmed.
    // Nothing is lost by leaving it out: Groq puts usage on the final chunk
    // (and in `x_groq.usage`) regardless. Groq also rejects `n` > 1, `logprobs`
    // and `logit_bias`, and `reasoning_effort` on models that do not reason.
    quirks: { noStreamOptions: true },
    docs: 'https://console.groq.com/docs',
  },
  {
    name: 'mistral',
    label: 'Mistral AI',
    type: 'openai',
    baseURL: 'https://api.mistral.ai/v1',
    apiKeyEnv: 'MISTRAL_API_KEY',
    keyRequired: true,
    local: false,
    // Mistral validates strictly and answers any unknown field with 422
    // "Extra inputs are not permitted" (seen for `stream_options`,
    // `frequency_penalty` on older models); usage arrives on the final chunk
    // anyway. `reasoning_effort` only takes "none" | "high" and only on its
    // reasoning models, so it is not sent. Not expressible as quirks today:
    // `seed` is `random_seed`, `user` is rejected, and tool-call ids must be
    // 9 characters [a-zA-Z0-9]. `parallel_tool_calls` is supported.
    quirks: { noStreamOptions: true, noReasoningEffort: true },
    docs: 'https://docs.mistral.ai/api',
  },
  {
    name: 'deepseek',
    label: 'DeepSeek',
    type: 'openai',
    // DeepSeek documents https://api.deepseek.com; `/v1` is an accepted
    // spelling (unrelated to model versions) kept for the OpenAI convention.
    baseURL: 'https://api.deepseek.com/v1',
    apiKeyEnv: 'DEEPSEEK_API_KEY',
    keyRequired: true,
    local: false,
    // V4 models think by default, and in thinking mode every earlier assistant
    // turn that made tool calls must carry its `reasoning_content` (even an
    // empty string) or the API answers 400 "The reasoning_content in the
    // thinking mode must be passed back to the API". `reasoning_effort`
    // accepts low | high | max (medium/xhigh are mapped by DeepSeek).
    quirks: { reasoningContentInput: true },
    docs: 'https://api-docs.deepseek.com',
  },
  {
    name: 'xai',
    label: 'xAI',
    type: 'openai',
    baseURL: 'https://api.x.ai/v1',
    apiKeyEnv: 'XAI_API_KEY',
    keyRequired: true,
    local: false,
    // grok-4.3 takes `reasoning_effort` (none | low | medium | high); the older
    // grok-4-0709 rejected it, but that slug now redirects to grok-4.3.
    // xAI reasoning models reject presence/frequency penalties and `stop`
    // (not expressible as quirks today).
    quirks: {},
    aliases: ['grok', 'x-ai'],
    docs: 'https://docs.x.ai/developers',
  },
  {
    name: 'openrouter',
    label: 'OpenRouter',
    type: 'openai',
    baseURL: 'https://openrouter.ai/api/v1',
    apiKeyEnv: 'OPENROUTER_API_KEY',
    keyRequired: true,
    local: false,
    // OpenRouter normalises parameters for its upstreams and drops the ones an
    // upstream lacks; usage comes on the final chunk. It also accepts an
    // optional HTTP-Referer / X-Title pair for app attribution (set them with
    // the provider's `headers`).
    quirks: {},
    docs: 'https://openrouter.ai/docs',
  },
  {
    name: 'together',
    label: 'Together AI',
    type: 'openai',
    baseURL: 'https://api.together.xyz/v1',
    apiKeyEnv: 'TOGETHER_API_KEY',
    keyRequired: true,
    local: false,
    // No documented incompatibility found; usage arrives on the final chunk.
    // Unconfirmed whether `stream_options` is honoured or ignored.
    quirks: {},
    aliases: ['togetherai', 'together-ai'],
    docs: 'https://docs.together.ai',
  },
  {
    name: 'fireworks',
    label: 'Fireworks AI',
    type: 'openai',
    baseURL: 'https://api.fireworks.ai/inference/v1',
    apiKeyEnv: 'FIREWORKS_API_KEY',
    keyRequired: true,
    local: false,
    // No documented incompatibility found; usage arrives on the final chunk.
    quirks: {},
    aliases: ['fireworks-ai', 'fireworksai'],
    docs: 'https://docs.fireworks.ai',
  },
  {
    name: 'ollama',
    label: 'Ollama',
    type: 'openai',
    baseURL: 'http://127.0.0.1:11434/v1',
    keyRequired: false,
    local: true,
    // Ollama's OpenAI layer documents `stream_options.include_usage` and ignores
    // fields it does not know (not verified against every Ollama version).
    quirks: {},
    docs: 'https://docs.ollama.com',
  },
  {
    name: 'lmstudio',
    label: 'LM Studio',
    type: 'openai',
    baseURL: 'http://127.0.0.1:1234/v1',
    keyRequired: false,
    local: true,
    // Unconfirmed which OpenAI fields LM Studio ignores versus rejects; none
    // are known to fail.
    quirks: {},
    aliases: ['lm-studio'],
    docs: 'https://lmstudio.ai/docs',
  },
  {
    name: 'vllm',
    label: 'vLLM',
    type: 'openai',
    baseURL: 'http://127.0.0.1:8000/v1',
    // vLLM only checks a key when started with --api-key (or VLLM_API_KEY).
    apiKeyEnv: 'VLLM_API_KEY',
    keyRequired: false,
    local: true,
    // vLLM implements stream_options, parallel_tool_calls and max_completion_tokens.
    quirks: {},
    docs: 'https://docs.vllm.ai',
  },
]

/** The preset called `name` (or one of its aliases), case-insensitively. */
export function getPreset(name: string): Preset | undefined {
  const wanted = name.trim().toLowerCase()
  return PRESETS.find((preset) => preset.name === wanted || (preset.aliases ?? []).includes(wanted))
}

/** The variables a preset reads its key from, in order. */
export function keyVarsOf(preset: Preset): string[] {
  if (preset.apiKeyEnv === undefined) return []
  return typeof preset.apiKeyEnv === 'string' ? [preset.apiKeyEnv] : [...preset.apiKeyEnv]
}

/** The preset's key from `env`: the first of its variables that is set and non-empty. */
export function keyFromEnv(preset: Preset, env: Readonly<Record<string, string | undefined>>): string | undefined {
  for (const name of keyVarsOf(preset)) {
    const value = env[name]?.trim()
    if (value) return value
  }
  return undefined
}

/**
 * Presets whose key variable is set (non-empty) in `env`, in PRESETS order:
 * what a zero-config start serves. Local presets without a key variable
 * (ollama, lmstudio) are never included, since a key says nothing about them.
 */
export function presetsFromEnv(env: Readonly<Record<string, string | undefined>>): Preset[] {
  return PRESETS.filter((preset) => keyFromEnv(preset, env) !== undefined)
}
