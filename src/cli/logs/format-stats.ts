/** The `logs stats` tables: one per grouping (model, provider), then the total. */
import type { StatsRow } from '../../log/stats.js'
import type { Paint } from './io.js'
import { formatColumns, type Align } from './table.js'
import { formatCost, formatCount, formatMs, formatPercent } from './units.js'

const HEADER = ['requests', 'errors', 'p50 latency', 'p95 latency', 'p50 ttft', 'p95 ttft', 'tokens in', 'tokens out', 'cached', 'cost']
const ALIGN: Align[] = ['left', ...HEADER.map((): Align => 'right')]

function cells(row: StatsRow, paint: Paint): string[] {
  const errors = row.errors === 0 ? '0' : `${row.errors} (${formatPercent(row.errorRate)})`
  return [
    row.group === 'total' ? paint.bold(row.name) : row.name,
    String(row.requests),
    row.errors === 0 ? errors : paint.red(errors),
    formatMs(row.latencyP50Ms),
    formatMs(row.latencyP95Ms),
    formatMs(row.ttftP50Ms),
    formatMs(row.ttftP95Ms),
    formatCount(row.inputTokens),
    formatCount(row.outputTokens),
    formatCount(row.cacheReadTokens),
    formatCost(row.costUsd) + (row.unpricedRequests > 0 ? paint.dim('+?') : ''),
  ]
}

export function formatStats(rows: StatsRow[], paint: Paint): string {
  const section = (group: 'model' | 'provider', title: string) => {
    const selected = rows.filter((r) => r.group === group || r.group === 'total')
    return formatColumns([title, ...HEADER].map((h) => paint.bold(h)), selected.map((r) => cells(r, paint)), ALIGN)
  }
  const unpriced = rows.find((r) => r.group === 'total')?.unpricedRequests ?? 0
  const note = unpriced > 0 ? `\n${paint.dim(`+? = ${unpriced} requests with no known price (model not in the catalogue)`)}` : ''
  return `${section('model', 'model')}\n\n${section('provider', 'provider')}${note}`
}
