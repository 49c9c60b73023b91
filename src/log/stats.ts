/**
 * `logs stats`: per model and per provider — requests, error rate, p50/p95
 * latency and time to first token, tokens and cost. One pass over metadata-only
 * records; the percentiles sort one number array per group at the end.
 */
import type { LogRecord } from './record.js'

export interface StatsRow {
  group: 'model' | 'provider' | 'total'
  name: string
  requests: number
  errors: number
  errorRate: number
  latencyP50Ms: number | null
  latencyP95Ms: number | null
  ttftP50Ms: number | null
  ttftP95Ms: number | null
  inputTokens: number
  outputTokens: number
  cacheReadTokens: number
  cacheWriteTokens: number
  reasoningTokens: number
  /** Sum of the known costs. */
  costUsd: number
  /** Records whose cost is unknown (not in the catalogue), so `costUsd` undercounts. */
  unpricedRequests: number
}

class Bucket {
  requests = 0
  errors = 0
  latencies: number[] = []
  ttfts: number[] = []
  input = 0
  output = 0
  cacheRead = 0
  cacheWrite = 0
  reasoning = 0
  cost = 0
  unpriced = 0

  add(record: LogRecord): void {
    this.requests++
    if (record.status >= 400 || record.error !== null) this.errors++
    this.latencies.push(record.latencyMs)
    if (record.ttftMs !== null && record.ttftMs !== undefined) this.ttfts.push(record.ttftMs)
    const usage = record.usage
    if (usage) {
      this.input += usage.input
      this.output += usage.output
      this.cacheRead += usage.cacheRead
      this.cacheWrite += usage.cacheWrite
      this.reasoning += usage.reasoning
    }
    if (typeof record.costUsd === 'number') this.cost += record.costUsd
    else if (usage) this.unpriced++
  }

  row(group: StatsRow['group'], name: string): StatsRow {
    const latencies = sorted(this.latencies)
    const ttfts = sorted(this.ttfts)
    return {
      group,
      name,
      requests: this.requests,
      errors: this.errors,
      errorRate: this.requests === 0 ? 0 : this.errors / this.requests,
      latencyP50Ms: percentile(latencies, 50),
      latencyP95Ms: percentile(latencies, 95),
      ttftP50Ms: percentile(ttfts, 50),
      ttftP95Ms: percentile(ttfts, 95),
      inputTokens: this.input,
      outputTokens: this.output,
      cacheReadTokens: this.cacheRead,
      cacheWriteTokens: this.cacheWrite,
      reasoningTokens: this.reasoning,
      costUsd: Math.round(this.cost * 1e6) / 1e6,
      unpricedRequests: this.unpriced,
    }
  }
}

function sorted(values: number[]): Float64Array {
  // A typed array sorts numerically and much faster than Array#sort with a comparator.
  return Float64Array.from(values).sort()
}

/** Nearest-rank percentile of sorted values; null when there are none. */
export function percentile(sortedValues: ArrayLike<number>, p: number): number | null {
  if (sortedValues.length === 0) return null
  const rank = Math.ceil((p / 100) * sortedValues.length)
  return sortedValues[Math.min(sortedValues.length, Math.max(1, rank)) - 1]
}

export class StatsCollector {
  private readonly total = new Bucket()
  private readonly models = new Map<string, Bucket>()
  private readonly providers = new Map<string, Bucket>()

  add(record: LogRecord): void {
    this.total.add(record)
    bucket(this.models, record.model ?? '(none)').add(record)
    bucket(this.providers, record.provider ?? '(none)').add(record)
  }

  /** Models, then providers, each busiest first; then the total. */
  rows(): StatsRow[] {
    const byVolume = (group: 'model' | 'provider', map: Map<string, Bucket>) =>
      [...map].sort((a, b) => b[1].requests - a[1].requests || a[0].localeCompare(b[0])).map(([name, b]) => b.row(group, name))
    return [...byVolume('model', this.models), ...byVolume('provider', this.providers), this.total.row('total', 'all')]
  }
}

function bucket(map: Map<string, Bucket>, key: string): Bucket {
  let found = map.get(key)
  if (!found) map.set(key, (found = new Bucket()))
  return found
}

export async function computeStats(records: AsyncIterable<LogRecord> | Iterable<LogRecord>): Promise<StatsRow[]> {
  const collector = new StatsCollector()
  for await (const record of records) collector.add(record)
  return collector.rows()
}
