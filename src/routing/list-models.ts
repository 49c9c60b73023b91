/**
 * Every name this configuration can route, with what is known about it: the
 * config's aliases, `auto`, the catalogue models a configured provider serves,
 * and `provider/model` for models providers declare in the config or list
 * themselves (GET /models). The `models` command and GET /v1/models both
 * answer from here.
 */
import { findModel, listCatalog, type Capabilities } from '../catalog/index.js'
import { AUTO_MODEL, autoTargets } from './auto.js'
import { catalogModelTargets, declaredModels } from './catalog-targets.js'
import { aliasInfo, targetInfo, type ModelInfo } from './model-info.js'
import { NO_NEEDS } from './needs.js'
import { resolveModel } from './resolve-model.js'
import type { RoutingContext, Target } from './types.js'

export type RoutableKind = 'alias' | 'auto' | 'model'
/** Where a name comes from: a config alias, `auto`, the catalogue, a provider's config `models`, or its own list. */
export type RoutableSource = 'config' | 'auto' | 'catalog' | 'declared' | 'provider-list'

export interface RoutableModel extends ModelInfo {
  /** The name a client sends as `model`. */
  id: string
  kind: RoutableKind
  source: RoutableSource
  /** The provider (config name) tried first. */
  provider: string | null
  /** Provider-side model id tried first. */
  providerModel: string | null
  /** Every provider the name can reach, in fallback order. */
  providers: string[]
  /** For aliases: the targets as configured. */
  targets?: string[]
}

export interface ListOptions {
  /** Include retired catalogue models (they still route; providers often keep serving them). */
  includeRetired?: boolean
  /** How long to wait for providers' first model lists; defaults to the routing setting. */
  waitMs?: number
}

function row(id: string, kind: RoutableKind, source: RoutableSource, targets: Target[], info: ModelInfo): RoutableModel {
  return {
    id,
    kind,
    source,
    provider: targets[0]?.provider.name ?? null,
    providerModel: targets[0]?.model ?? null,
    providers: [...new Set(targets.map((t) => t.provider.name))],
    ...info,
  }
}

function resolveOrNone(name: string, routing: RoutingContext): Target[] {
  try {
    return resolveModel(name, routing)
  } catch {
    return []
  }
}

function aliasRows(routing: RoutingContext): RoutableModel[] {
  const rows: RoutableModel[] = []
  for (const [name, entry] of Object.entries(routing.aliases)) {
    if (entry.targets.length === 0) continue
    const targets = resolveOrNone(name, routing)
    if (targets.length === 0) continue // names nothing configured: not routable, so not listed
    rows.push({ ...row(name, 'alias', 'config', targets, aliasInfo(entry, targets[0], routing.aliases)), targets: entry.targets })
  }
  return rows
}

function autoRow(routing: RoutingContext): RoutableModel[] {
  if (routing.aliases[AUTO_MODEL]?.targets.length) return []
  try {
    const targets = autoTargets(routing, NO_NEEDS)
    const first = targets[0]
    const info = targetInfo(first, routing.aliases)
    return [{ ...row(AUTO_MODEL, 'auto', 'auto', targets, info), description: `the best configured model for each request (with no special needs: ${first.provider.name}/${first.model})` }]
  } catch {
    return []
  }
}

function catalogRows(routing: RoutingContext, includeRetired: boolean): RoutableModel[] {
  const rows: RoutableModel[] = []
  for (const model of listCatalog()) {
    if (model.status === 'retired' && !includeRetired) continue
    const targets = catalogModelTargets(model, routing)
    if (targets.length > 0) rows.push(row(model.id, 'model', 'catalog', targets, targetInfo(targets[0], routing.aliases)))
  }
  return rows
}

function providerModelRow(routing: RoutingContext, target: Target, source: RoutableSource): RoutableModel {
  return row(`${target.provider.name}/${target.model}`, 'model', source, [target], targetInfo(target, routing.aliases))
}

export async function listRoutableModels(routing: RoutingContext, options: ListOptions = {}): Promise<RoutableModel[]> {
  // Lists first, so aliases whose targets only a provider's list knows resolve too.
  const listed = (await routing.modelLists?.all(options.waitMs)) ?? []
  const rows = [...aliasRows(routing), ...autoRow(routing), ...catalogRows(routing, options.includeRetired === true)]
  const ids = new Set<string>()
  const out: RoutableModel[] = []
  const add = (r: RoutableModel) => {
    if (ids.has(r.id)) return // an alias shadows a catalogue model of the same name
    ids.add(r.id)
    out.push(r)
  }
  rows.forEach(add)
  // Catalogue models already listed under their own name with that provider need no `provider/model` row.
  const listedCatalog = new Set(out.filter((r) => r.source === 'catalog').flatMap((r) => r.providers.map((p) => `${p}\u0000${r.catalogId}`)))
  const coveredByCatalog = (provider: string, model: string) => {
    const id = findModel(model)?.id
    return id !== undefined && listedCatalog.has(`${provider}\u0000${id}`)
  }
  for (const provider of routing.providers.values()) {
    for (const model of declaredModels(provider)) {
      if (!coveredByCatalog(provider.name, model)) add(providerModelRow(routing, { provider, model }, 'declared'))
    }
  }
  for (const { provider, model } of listed) {
    if (!coveredByCatalog(provider.name, model)) add(providerModelRow(routing, { provider, model }, 'provider-list'))
  }
  return out
}

export const CAPABILITIES: ReadonlyArray<keyof Capabilities> = ['tools', 'vision', 'reasoning', 'caching', 'json']

export interface ModelFilter {
  /** Keep models that have every one of these. */
  capabilities?: Array<keyof Capabilities>
  /** Keep names that can reach this provider (config name). */
  provider?: string
}

export function filterModels(models: RoutableModel[], filter: ModelFilter): RoutableModel[] {
  return models.filter((m) => {
    if (filter.provider !== undefined && !m.providers.includes(filter.provider)) return false
    return (filter.capabilities ?? []).every((cap) => m.capabilities?.[cap] === true)
  })
}
