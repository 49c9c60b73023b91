/**
 * `llm-gateway models`: every name this configuration can route — aliases,
 * `auto`, catalogue models a configured provider serves, and the providers'
 * own models — with provider, context window, max output, prices and
 * capabilities. Filters by capability and provider; `--json` for scripts.
 */
import type { Capabilities } from '../catalog/index.js'
import { loadConfig } from '../config/load.js'
import type { GatewayConfig } from '../config/types.js'
import { createGateway } from '../gateway/create-gateway.js'
import { CAPABILITIES, filterModels, listRoutableModels, type RoutableModel } from '../routing/list-models.js'
import { UsageError } from './fail.js'
import { formatTable } from './table.js'

export interface ModelsOptions {
  config?: string
  json?: boolean
  /** Repeatable or comma-separated: tools, vision, reasoning, caching, json. */
  capability?: string[] | string
  provider?: string
  /** Include retired catalogue models. */
  all?: boolean
  /** Do not ask providers for their model lists. */
  offline?: boolean
}

export function parseCapabilities(value: string[] | string | undefined): Array<keyof Capabilities> {
  const names = (Array.isArray(value) ? value : value === undefined ? [] : [value]).flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase()).filter(Boolean)
  for (const name of names) {
    if (!(CAPABILITIES as readonly string[]).includes(name)) throw new UsageError(`--capability expects one of ${CAPABILITIES.join(', ')}, got "${name}"`)
  }
  return names as Array<keyof Capabilities>
}

/** 200000 -> 200K, 1048576 -> 1M, 1050000 -> 1.05M. */
export function formatTokens(n: number | null): string {
  if (n === null) return '-'
  if (n >= 1_000_000) return `${Number((n / 1_000_000).toFixed(2))}M`
  if (n >= 1_000) return `${Number((n / 1_000).toFixed(1))}K`
  return String(n)
}

export function formatPrice(usd: number | undefined): string {
  return usd === undefined ? '-' : `$${Number(usd.toFixed(4))}`
}

function notes(model: RoutableModel): string {
  const parts: string[] = []
  if (model.targets) parts.push(`-> ${model.targets.join(', ')}`)
  if (model.replacedBy && (model.status === 'retired' || model.status === 'deprecated')) parts.push(`${model.status}, use ${model.replacedBy}`)
  else if (model.status && model.status !== 'current') parts.push(model.status)
  if (model.description) parts.push(model.description)
  return parts.join('; ')
}

export function formatModelTable(models: RoutableModel[]): string {
  const rows = models.map((m) => [
    m.id,
    m.providers.join(',') || '-',
    formatTokens(m.contextWindow),
    formatTokens(m.maxOutputTokens),
    formatPrice(m.pricing?.input),
    formatPrice(m.pricing?.output),
    m.capabilities ? CAPABILITIES.filter((c) => m.capabilities?.[c]).join(' ') : '?',
    notes(m),
  ])
  return formatTable(['model', 'provider', 'context', 'max out', 'in $/M', 'out $/M', 'capabilities', 'notes'], rows)
}

function offlineConfig(config: GatewayConfig): GatewayConfig {
  return { ...config, routing: { ...config.routing, modelLists: { ...config.routing.modelLists, refreshMs: 0 } } }
}

export async function modelsCommand(options: ModelsOptions): Promise<void> {
  const capabilities = parseCapabilities(options.capability)
  const loaded = await loadConfig({ configPath: options.config })
  if (options.provider !== undefined && !loaded.providers[options.provider]) {
    throw new UsageError(`--provider: no provider named "${options.provider}" is configured (configured: ${Object.keys(loaded.providers).join(', ') || 'none'})`)
  }
  const gateway = createGateway(options.offline ? offlineConfig(loaded) : loaded)
  try {
    const listed = await listRoutableModels(gateway.routing, { includeRetired: options.all === true })
    const models = filterModels(listed, { capabilities, provider: options.provider })
    if (options.json) {
      process.stdout.write(`${JSON.stringify(models, null, 2)}\n`)
      return
    }
    process.stdout.write(models.length > 0 ? `${formatModelTable(models)}\n` : 'No routable model matches.\n')
  } finally {
    await gateway.close()
  }
}
