/** One line per record for `logs list` and `logs tail`. */
import type { LogRecord } from '../../log/record.js'
import type { Paint } from './io.js'
import { formatColumns, type Align } from './table.js'
import { formatCost, formatCount, formatMs, formatTime } from './units.js'

export const LIST_HEADER = ['time', 'id', 'model -> provider', 'status', 'latency', 'ttft', 'tokens in/out', 'cost']
export const LIST_ALIGN: Align[] = ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right']

/** `fast -> groq/llama-3.3-70b`, shortened to `mock/echo -> mock` when the provider model is already in the name. */
export function routeLabel(record: LogRecord): string {
  const model = record.model ?? '?'
  if (!record.provider) return model
  const full = `${record.provider}/${record.providerModel}`
  const target = model === full || model === record.providerModel ? record.provider : full
  return `${model} -> ${target}`
}

export function statusLabel(record: LogRecord, paint: Paint): string {
  const text = record.cancelled ? `${record.status} cancelled` : String(record.status)
  if (record.cancelled || record.status === 499) return paint.gray(text)
  if (record.status >= 500 || (record.error && record.status < 400)) return paint.red(text)
  if (record.status >= 400) return paint.yellow(text)
  return paint.green(text)
}

function tokens(record: LogRecord): string {
  return record.usage ? `${formatCount(record.usage.input)}/${formatCount(record.usage.output)}` : '-'
}

export function listRow(record: LogRecord, paint: Paint): string[] {
  const attempts = record.attempts.length > 1 ? paint.dim(` (${record.attempts.length} attempts)`) : ''
  return [
    paint.dim(formatTime(record.time)),
    paint.cyan(record.id),
    routeLabel(record) + attempts,
    statusLabel(record, paint),
    formatMs(record.latencyMs),
    formatMs(record.ttftMs),
    tokens(record),
    formatCost(record.costUsd),
  ]
}

export function formatList(records: LogRecord[], paint: Paint): string {
  return formatColumns(
    LIST_HEADER.map((h) => paint.bold(h)),
    records.map((r) => listRow(r, paint)),
    LIST_ALIGN,
  )
}
