/**
 * Validation of the user's config, once, at the edge: every problem is reported
 * as one ConfigError naming the file, the field and what was expected. Past this
 * point the rest of the gateway trusts the GatewayConfig it gets.
 */
import { homedir } from 'node:os'
import { getPreset } from '../providers/presets.js'
import { ConfigError } from './config-error.js'
import {
  DEFAULT_BASE_URLS,
  DEFAULT_BODY_LIMIT,
  DEFAULT_HOST,
  DEFAULT_LOG_DIR,
  DEFAULT_PORT,
  DEFAULT_SHUTDOWN_GRACE_MS,
  DEFAULT_TIMEOUTS,
} from './defaults.js'
import type { MissingVariable } from './interpolate-env.js'
import { DEFAULT_ROUTING } from '../routing/defaults.js'
import type {
  AliasConfig,
  CapabilityOverrides,
  GatewayConfig,
  LogConfig,
  ModelOverrides,
  PriceOverride,
  ProviderConfig,
  ProviderType,
  RoutingConfig,
  ServerConfig,
} from './types.js'

const PROVIDER_TYPES: ProviderType[] = ['openai', 'anthropic', 'gemini', 'mock']
const PROVIDER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/
const QUIRK_KEYS = [
  'noStreamOptions',
  'noParallelToolCalls',
  'maxCompletionTokens',
  'reasoningContentInput',
  'noReasoningEffort',
] as const

type Obj = Record<string, unknown>

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  if (typeof value === 'object') return 'an object'
  return String(value)
}

/** A URL-ish string without its query, fragment or user:password part. */
function withoutCredentials(url: string): string {
  return url.replace(/[?#].*$/s, '?…').replace(/^([^/]*\/\/)?[^/@?#]*@/, '$1…@')
}

class Checker {
  constructor(
    readonly file: string,
    readonly missing: MissingVariable[],
    readonly env: NodeJS.ProcessEnv,
  ) {}

  fail(field: string, expected: string, got?: unknown): never {
    const suffix = arguments.length >= 3 ? `, got ${describe(got)}` : ''
    throw new ConfigError(this.file, field, `expected ${expected}${suffix}`)
  }

  object(value: unknown, field: string): Obj {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) this.fail(field, 'an object', value)
    return value as Obj
  }

  knownKeys(obj: Obj, field: string, allowed: readonly string[]): void {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) {
        const where = field ? `${field}.${key}` : key
        throw new ConfigError(this.file, where, `unknown field (allowed here: ${allowed.join(', ')})`)
      }
    }
  }

  string(value: unknown, field: string): string {
    if (typeof value !== 'string') this.fail(field, 'a string', value)
    return value as string
  }

  optionalString(value: unknown, field: string): string | undefined {
    return value === undefined ? undefined : this.string(value, field)
  }

  boolean(value: unknown, field: string, fallback: boolean): boolean {
    if (value === undefined) return fallback
    if (typeof value !== 'boolean') this.fail(field, 'true or false', value)
    return value as boolean
  }

  integer(value: unknown, field: string, fallback: number, min: number, max: number): number {
    if (value === undefined) return fallback
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.fail(field, `an integer from ${min} to ${max}`, value)
    }
    return value as number
  }

  stringArray(value: unknown, field: string): string[] {
    if (value === undefined) return []
    if (!Array.isArray(value)) this.fail(field, 'an array of strings', value)
    return (value as unknown[]).map((item, index) => this.string(item, `${field}[${index}]`))
  }

  url(value: unknown, field: string): string {
    const text = this.string(value, field)
    // The message shows where it points, never a key in its query string or credentials.
    if (!/^https?:\/\/[^\s/]+/.test(text)) this.fail(field, 'an http:// or https:// URL', withoutCredentials(text))
    return text.replace(/\/+$/, '')
  }

  /** The env variable a field depended on, if it was unset. */
  missingVar(field: string): string | undefined {
    return this.missing.find((m) => m.path === field)?.name
  }
}

function validateServer(c: Checker, raw: unknown): ServerConfig {
  const obj = raw === undefined ? {} : c.object(raw, 'server')
  c.knownKeys(obj, 'server', ['host', 'port', 'apiKeys', 'bodyLimit', 'shutdownGraceMs'])
  const apiKeys = c.stringArray(obj.apiKeys, 'server.apiKeys')
  apiKeys.forEach((key, index) => {
    const field = `server.apiKeys[${index}]`
    const variable = c.missingVar(field)
    // Starting without auth because a variable is unset would silently open the gateway.
    if (variable) throw new ConfigError(c.file, field, `environment variable ${variable} is unset (it holds a gateway key)`)
    if (key.length === 0) c.fail(field, 'a non-empty key', key)
  })
  return {
    host: c.optionalString(obj.host, 'server.host') ?? DEFAULT_HOST,
    port: c.integer(obj.port, 'server.port', DEFAULT_PORT, 0, 65535),
    apiKeys,
    bodyLimit: c.integer(obj.bodyLimit, 'server.bodyLimit', DEFAULT_BODY_LIMIT, 1024, 2 ** 31),
    shutdownGraceMs: c.integer(obj.shutdownGraceMs, 'server.shutdownGraceMs', DEFAULT_SHUTDOWN_GRACE_MS, 0, 3_600_000),
  }
}

function validateProvider(c: Checker, name: string, raw: unknown): ProviderConfig {
  const field = `providers.${name}`
  if (!PROVIDER_NAME.test(name)) {
    throw new ConfigError(c.file, field, 'provider names use letters, digits, ".", "_" or "-" (no "/")')
  }
  const obj = c.object(raw, field)
  c.knownKeys(obj, field, [
    'type',
    'preset',
    'baseURL',
    'apiKey',
    'apiKeys',
    'headers',
    'models',
    'quirks',
    'timeouts',
  ])
  const presetName = c.optionalString(obj.preset, `${field}.preset`)
  const preset = getPreset(presetName ?? name)
  if (presetName !== undefined && !preset) c.fail(`${field}.preset`, 'a known preset name', presetName)

  const type = (obj.type ?? preset?.type) as ProviderType | undefined
  if (type === undefined || !PROVIDER_TYPES.includes(type)) {
    c.fail(`${field}.type`, `one of ${PROVIDER_TYPES.join(', ')}`, obj.type)
  }
  const baseURL =
    obj.baseURL !== undefined
      ? c.url(obj.baseURL, `${field}.baseURL`)
      : (preset?.type === type ? preset?.baseURL : undefined) ?? DEFAULT_BASE_URLS[type]

  let apiKey = c.optionalString(obj.apiKey, `${field}.apiKey`)
  let missingKeyVar = c.missingVar(`${field}.apiKey`)
  if (obj.apiKey === undefined && preset?.apiKeyEnv) {
    // A preset provider with no apiKey field takes the preset's variable.
    const names = Array.isArray(preset.apiKeyEnv) ? preset.apiKeyEnv : [preset.apiKeyEnv]
    const found = names.find((n) => c.env[n])
    apiKey = found ? c.env[found] : undefined
    if (!found && preset.keyRequired !== false) missingKeyVar = names[0]
  }
  if (apiKey === '') apiKey = undefined

  const headers: Record<string, string> = {}
  if (obj.headers !== undefined) {
    for (const [key, value] of Object.entries(c.object(obj.headers, `${field}.headers`))) {
      headers[key.toLowerCase()] = c.string(value, `${field}.headers.${key}`)
    }
  }

  const quirks = { ...(preset?.quirks ?? {}) }
  if (obj.quirks !== undefined) {
    const q = c.object(obj.quirks, `${field}.quirks`)
    c.knownKeys(q, `${field}.quirks`, QUIRK_KEYS)
    for (const key of QUIRK_KEYS) {
      if (q[key] !== undefined) quirks[key] = c.boolean(q[key], `${field}.quirks.${key}`, false)
    }
  }

  const timeouts = { ...DEFAULT_TIMEOUTS }
  if (obj.timeouts !== undefined) {
    const t = c.object(obj.timeouts, `${field}.timeouts`)
    c.knownKeys(t, `${field}.timeouts`, ['connectMs', 'firstByteMs', 'idleMs'])
    timeouts.connectMs = c.integer(t.connectMs, `${field}.timeouts.connectMs`, timeouts.connectMs, 1, 3_600_000)
    timeouts.firstByteMs = c.integer(t.firstByteMs, `${field}.timeouts.firstByteMs`, timeouts.firstByteMs, 1, 3_600_000)
    timeouts.idleMs = c.integer(t.idleMs, `${field}.timeouts.idleMs`, timeouts.idleMs, 1, 3_600_000)
  }

  const apiKeys = c.stringArray(obj.apiKeys, `${field}.apiKeys`).filter((k) => k.length > 0)

  return {
    name,
    type,
    preset: preset?.name,
    baseURL,
    apiKey,
    missingKeyVar: type === 'mock' || apiKey || apiKeys.length > 0 ? undefined : missingKeyVar,
    headers,
    models: c.stringArray(obj.models, `${field}.models`),
    quirks,
    timeouts,
    apiKeys,
  }
}

const CAPABILITY_KEYS = ['tools', 'vision', 'reasoning', 'caching', 'json'] as const
const OVERRIDE_KEYS = ['contextWindow', 'maxOutputTokens', 'pricing', 'capabilities', 'description'] as const

function price(c: Checker, value: unknown, field: string, required: boolean): number | undefined {
  if (value === undefined && !required) return undefined
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) c.fail(field, 'a price in USD per million tokens (a number >= 0)', value)
  return value as number
}

/** Catalogue figures a `models` entry adds or corrects (all optional). */
function validateOverrides(c: Checker, obj: Obj, field: string): ModelOverrides {
  const out: ModelOverrides = {}
  if (obj.contextWindow !== undefined) out.contextWindow = c.integer(obj.contextWindow, `${field}.contextWindow`, 0, 1, 1e9)
  if (obj.maxOutputTokens !== undefined) out.maxOutputTokens = c.integer(obj.maxOutputTokens, `${field}.maxOutputTokens`, 0, 1, 1e9)
  if (obj.description !== undefined) out.description = c.string(obj.description, `${field}.description`)
  if (obj.pricing !== undefined) {
    const p = c.object(obj.pricing, `${field}.pricing`)
    c.knownKeys(p, `${field}.pricing`, ['input', 'output', 'cacheRead', 'cacheWrite'])
    const pricing: PriceOverride = {
      input: price(c, p.input, `${field}.pricing.input`, true)!,
      output: price(c, p.output, `${field}.pricing.output`, true)!,
    }
    const cacheRead = price(c, p.cacheRead, `${field}.pricing.cacheRead`, false)
    const cacheWrite = price(c, p.cacheWrite, `${field}.pricing.cacheWrite`, false)
    if (cacheRead !== undefined) pricing.cacheRead = cacheRead
    if (cacheWrite !== undefined) pricing.cacheWrite = cacheWrite
    out.pricing = pricing
  }
  if (obj.capabilities !== undefined) {
    const caps = c.object(obj.capabilities, `${field}.capabilities`)
    c.knownKeys(caps, `${field}.capabilities`, CAPABILITY_KEYS)
    const capabilities: CapabilityOverrides = {}
    for (const key of CAPABILITY_KEYS) {
      if (caps[key] !== undefined) capabilities[key] = c.boolean(caps[key], `${field}.capabilities.${key}`, false)
    }
    out.capabilities = capabilities
  }
  return out
}

/**
 * `"provider/model"`, a list of targets, or an object with `targets` (or
 * `target`) plus catalogue figures. An object with figures but no targets
 * corrects or adds figures for the model of that name without aliasing it.
 */
function validateAlias(c: Checker, name: string, raw: unknown): AliasConfig {
  const field = `models.${name}`
  if (typeof raw === 'string') return { targets: [raw] }
  if (Array.isArray(raw)) {
    if (raw.length === 0) c.fail(field, 'at least one target')
    return { targets: c.stringArray(raw, field) }
  }
  const obj = c.object(raw, field)
  c.knownKeys(obj, field, ['targets', 'target', ...OVERRIDE_KEYS])
  const overrides = validateOverrides(c, obj, field)
  if (obj.target !== undefined) return { ...overrides, targets: [c.string(obj.target, `${field}.target`)] }
  if (obj.targets === undefined && Object.keys(overrides).length > 0) return { ...overrides, targets: [] }
  const targets = c.stringArray(obj.targets, `${field}.targets`)
  if (targets.length === 0) c.fail(`${field}.targets`, 'a non-empty array of "provider/model" strings', obj.targets)
  return { ...overrides, targets }
}

function validateRouting(c: Checker, raw: unknown): RoutingConfig {
  const d = DEFAULT_ROUTING
  const obj = raw === undefined ? {} : c.object(raw, 'routing')
  c.knownKeys(obj, 'routing', ['retries', 'backoffMs', 'maxBackoffMs', 'deadlineMs', 'breaker', 'modelLists'])
  const breaker = obj.breaker === undefined ? {} : c.object(obj.breaker, 'routing.breaker')
  c.knownKeys(breaker, 'routing.breaker', ['failures', 'cooldownMs'])
  const lists = obj.modelLists === undefined ? {} : c.object(obj.modelLists, 'routing.modelLists')
  c.knownKeys(lists, 'routing.modelLists', ['refreshMs', 'waitMs'])
  return {
    retries: c.integer(obj.retries, 'routing.retries', d.retries, 0, 10),
    backoffMs: c.integer(obj.backoffMs, 'routing.backoffMs', d.backoffMs, 0, 600_000),
    maxBackoffMs: c.integer(obj.maxBackoffMs, 'routing.maxBackoffMs', d.maxBackoffMs, 0, 600_000),
    deadlineMs: c.integer(obj.deadlineMs, 'routing.deadlineMs', d.deadlineMs, 0, 3_600_000),
    breaker: {
      failures: c.integer(breaker.failures, 'routing.breaker.failures', d.breaker.failures, 0, 1000),
      cooldownMs: c.integer(breaker.cooldownMs, 'routing.breaker.cooldownMs', d.breaker.cooldownMs, 1, 3_600_000),
    },
    modelLists: {
      refreshMs: c.integer(lists.refreshMs, 'routing.modelLists.refreshMs', d.modelLists.refreshMs, 0, 86_400_000),
      waitMs: c.integer(lists.waitMs, 'routing.modelLists.waitMs', d.modelLists.waitMs, 0, 60_000),
    },
  }
}

function validateLog(c: Checker, raw: unknown): LogConfig {
  const obj = raw === undefined ? {} : c.object(raw, 'log')
  c.knownKeys(obj, 'log', ['dir', 'bodies', 'enabled'])
  // The environment overrides the file, as --log-dir overrides both.
  const dir = c.env.LLM_GATEWAY_LOG_DIR || (c.optionalString(obj.dir, 'log.dir') ?? DEFAULT_LOG_DIR)
  return {
    dir: expandHome(dir),
    bodies: c.boolean(obj.bodies, 'log.bodies', true),
    enabled: c.boolean(obj.enabled, 'log.enabled', true),
  }
}

export function expandHome(path: string): string {
  return path === '~' || path.startsWith('~/') ? homedir() + path.slice(1) : path
}

export interface ValidateOptions {
  file: string
  missing?: MissingVariable[]
  env?: NodeJS.ProcessEnv
}

/** Validate an interpolated raw config. Throws ConfigError. */
export function validateConfig(raw: unknown, options: ValidateOptions): GatewayConfig {
  const c = new Checker(options.file, options.missing ?? [], options.env ?? process.env)
  const root = c.object(raw, '')
  c.knownKeys(root, '', ['$schema', 'server', 'providers', 'models', 'routing', 'log'])
  const providers: Record<string, ProviderConfig> = {}
  if (root.providers !== undefined) {
    for (const [name, value] of Object.entries(c.object(root.providers, 'providers'))) {
      providers[name] = validateProvider(c, name, value)
    }
  }
  const models: Record<string, AliasConfig> = {}
  if (root.models !== undefined) {
    for (const [name, value] of Object.entries(c.object(root.models, 'models'))) {
      models[name] = validateAlias(c, name, value)
    }
  }
  return {
    source: options.file,
    server: validateServer(c, root.server),
    providers,
    models,
    routing: validateRouting(c, root.routing),
    log: validateLog(c, root.log),
  }
}
