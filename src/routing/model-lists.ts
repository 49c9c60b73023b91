/**
 * The configured providers' own model lists (GET /models), for names the
 * catalogue does not know. Fetched on first need, served from memory after
 * that and refreshed in the background once stale, so a request waits at most
 * `waitMs` — and only for a provider's very first list.
 */
import { normalizeName } from '../catalog/index.js'
import type { Provider } from '../providers/types.js'

export interface ModelListSettings {
  /** Age after which a list is refreshed in the background; 0 = never fetch. */
  refreshMs: number
  /** Longest a lookup waits for a provider's first list. */
  waitMs: number
}

/** A failed fetch is retried after this long (or refreshMs, if shorter). */
const RETRY_FAILED_MS = 30_000
/** One list fetch may take this long. */
const FETCH_TIMEOUT_MS = 15_000

interface Entry {
  /** Normalized name -> the provider's own spelling. */
  names: Map<string, string> | null
  nextFetchAt: number
  pending: Promise<void> | null
  error: string | null
}

export interface ListedModel {
  provider: Provider
  model: string
}

export class ModelListCache {
  private readonly entries = new Map<string, Entry>()
  private readonly closing = new AbortController()

  constructor(
    private readonly providers: ReadonlyMap<string, Provider>,
    private readonly settings: ModelListSettings,
    private readonly now: () => number = Date.now,
  ) {}

  /** Providers that can list their models (HTTP ones with a key, when one is needed). */
  private listable(): Provider[] {
    if (this.settings.refreshMs <= 0) return []
    return [...this.providers.values()].filter((p) => p.listModels !== undefined && !p.config.missingKeyVar)
  }

  /** Start a fetch if the list is missing or stale and none is running. */
  private refresh(provider: Provider): Entry {
    let entry = this.entries.get(provider.name)
    if (!entry) {
      entry = { names: null, nextFetchAt: 0, pending: null, error: null }
      this.entries.set(provider.name, entry)
    }
    if (entry.pending || this.now() < entry.nextFetchAt || this.closing.signal.aborted) return entry
    const current = entry
    const signal = AbortSignal.any([this.closing.signal, AbortSignal.timeout(FETCH_TIMEOUT_MS)])
    current.pending = provider
      .listModels!(signal)
      .then((models) => {
        current.names = new Map(models.map((m) => [normalizeName(m), m]))
        current.error = null
        current.nextFetchAt = this.now() + this.settings.refreshMs
      })
      .catch((error: unknown) => {
        current.error = error instanceof Error ? error.message : String(error)
        current.nextFetchAt = this.now() + Math.min(RETRY_FAILED_MS, this.settings.refreshMs)
      })
      .finally(() => {
        current.pending = null
      })
    return current
  }

  /** Start fetches for missing or stale lists; none of this waits. */
  private refreshAll(): Array<[Provider, Entry]> {
    return this.listable().map((p) => [p, this.refresh(p)] as [Provider, Entry])
  }

  /**
   * Wait (at most `waitMs`) for providers' first lists still loading. True
   * when there was something to wait for, so a lookup is worth repeating.
   */
  async settle(waitMs = this.settings.waitMs): Promise<boolean> {
    const first = this.refreshAll()
      .filter(([, e]) => e.names === null && e.pending)
      .map(([, e]) => e.pending!)
    if (first.length === 0 || waitMs <= 0) return false
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, waitMs)
      timer.unref()
    })
    await Promise.race([Promise.all(first), timeout])
    clearTimeout(timer)
    return true
  }

  /**
   * Every configured provider whose list (as fetched so far) has `name`, in
   * config order, with its own spelling of it. Never waits; starts a
   * background refresh of missing or stale lists.
   */
  find(name: string): ListedModel[] {
    const key = normalizeName(name)
    const found: ListedModel[] = []
    for (const [provider, entry] of this.refreshAll()) {
      const model = entry.names?.get(key)
      if (model !== undefined) found.push({ provider, model })
    }
    return found
  }

  /**
   * Whether a provider's list (as fetched so far) has the model: undefined
   * when there is no list to ask (none yet, none at all, or fetching is off).
   */
  has(providerName: string, model: string): boolean | undefined {
    const provider = this.providers.get(providerName)
    if (!provider || !this.listable().includes(provider)) return undefined
    const names = this.refresh(provider).names
    return names ? names.has(normalizeName(model)) : undefined
  }

  /** Every listed model, per provider, after waiting (at most `waitMs`) for first lists. */
  async all(waitMs = this.settings.waitMs): Promise<ListedModel[]> {
    await this.settle(waitMs)
    const out: ListedModel[] = []
    for (const [provider, entry] of this.refreshAll()) {
      for (const model of entry.names?.values() ?? []) out.push({ provider, model })
    }
    return out
  }

  /** Per provider: how many models its list had, and the last fetch error (for diagnostics). */
  status(): Array<{ provider: string; models: number | null; error: string | null }> {
    return [...this.entries].map(([provider, e]) => ({ provider, models: e.names?.size ?? null, error: e.error }))
  }

  close(): void {
    this.closing.abort()
  }
}
