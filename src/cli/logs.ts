/**
 * `llm-gateway logs list|show|tail|stats`: the traffic log from the shell.
 * Tables on a terminal, JSON Lines with `--json` (one object per record or per
 * stats row) for jq and scripts.
 */
import { findById, readLog } from '../log/read-log.js'
import { followLines, snapshotPositions } from '../log/follow.js'
import { compileFilter } from '../log/filter.js'
import type { LogRecord } from '../log/record.js'
import { parseRecord } from '../log/serialize.js'
import { computeStats } from '../log/stats.js'
import { UsageError } from './fail.js'
import { formatList, LIST_ALIGN, listRow } from './logs/format-list.js'
import { formatRecord } from './logs/format-show.js'
import { formatStats } from './logs/format-stats.js'
import { type CommandIO, paintFor, stdoutIO } from './logs/io.js'
import { buildFilter, type LogsOptions, resolveLogDir } from './logs/options.js'

export const DEFAULT_LIST_LIMIT = 20
export const DEFAULT_TAIL_LINES = 10

const jsonLine = (value: unknown) => `${JSON.stringify(value)}\n`

export async function logsListCommand(options: LogsOptions, io: CommandIO = stdoutIO): Promise<void> {
  const dir = await resolveLogDir(options)
  const limit = options.limit ?? DEFAULT_LIST_LIMIT
  const records = readLog(dir, { order: 'newest', filter: buildFilter(options), limit, bodies: options.json === true })
  if (options.json) {
    for await (const record of records) io.write(jsonLine(record))
    return
  }
  const rows: LogRecord[] = []
  for await (const record of records) rows.push(record)
  if (rows.length === 0) {
    io.write(`no matching records in ${dir}\n`)
    return
  }
  io.write(`${formatList(rows, paintFor(io))}\n`)
}

export async function logsShowCommand(id: string, options: LogsOptions, io: CommandIO = stdoutIO): Promise<void> {
  if (!/^[\w-]+$/.test(id)) throw new UsageError(`"${id}" is not a log id (ids look like gw_mhx3k2a01f3c9d2e1)`)
  const dir = await resolveLogDir(options)
  const found = await findById(dir, id)
  if (found.length === 0) throw new Error(`no record with id ${id} in ${dir} (run \`llm-gateway logs list\` to see recent ids)`)
  if (found.length > 1) {
    throw new Error(`${id} matches several records: ${found.map((r) => r.id).join(', ')}${found.length >= 10 ? ', ...' : ''} — give more of the id`)
  }
  const record = found[0]
  io.write(options.json ? jsonLine(record) : `${formatRecord(record, paintFor(io))}\n`)
}

export interface TailOptions extends LogsOptions {
  lines?: number
  /** Polling interval (tests make it short). */
  intervalMs?: number
}

/** Fixed-width columns: tail prints one record at a time, so it cannot size columns to the data. */
const TAIL_WIDTHS = [19, 21, 40, 4, 7, 7, 11, 0]

function tailLine(record: LogRecord, io: CommandIO): string {
  const paint = paintFor(io)
  const cells = listRow(record, paint)
  return `${cells
    .map((cell, i) => {
      const width = TAIL_WIDTHS[i]
      const visible = cell.replace(/\x1b\[[0-9;]*m/g, '').length
      const pad = ' '.repeat(Math.max(0, width - visible))
      return LIST_ALIGN[i] === 'right' ? pad + cell : cell + pad
    })
    .join('  ')
    .trimEnd()}\n`
}

/** Prints the last N matching records, then each new one as it is logged, until Ctrl-C (or `signal`). */
export async function logsTailCommand(options: TailOptions, io: CommandIO = stdoutIO, signal?: AbortSignal): Promise<void> {
  const dir = await resolveLogDir(options)
  const filter = buildFilter(options)
  const matches = compileFilter(filter)
  const print = (record: LogRecord) => io.write(options.json ? jsonLine(record) : tailLine(record, io))

  // Where to follow from is fixed before the history is read, so no record falls in between;
  // the history's ids are remembered so none is printed twice.
  const positions = await snapshotPositions(dir)
  const history: LogRecord[] = []
  for await (const record of readLog(dir, { order: 'newest', filter, limit: options.lines ?? DEFAULT_TAIL_LINES, bodies: options.json === true })) {
    history.push(record)
  }
  const seen = new Set(history.map((r) => r.id))
  if (!options.json) io.write(paintFor(io).dim(`following ${dir} — Ctrl-C to stop\n`))
  for (const record of history.reverse()) print(record)

  const controller = new AbortController()
  const stop = () => controller.abort()
  signal?.addEventListener('abort', stop, { once: true })
  if (!signal) process.once('SIGINT', stop)
  try {
    await followLines(
      dir,
      positions,
      (line) => {
        const record = parseRecord(line)
        if (!record || seen.has(record.id) || !matches(record)) return
        print(record)
      },
      { signal: controller.signal, intervalMs: options.intervalMs, mode: options.json ? 'full' : 'meta' },
    )
  } finally {
    process.removeListener('SIGINT', stop)
  }
}

export async function logsStatsCommand(options: LogsOptions, io: CommandIO = stdoutIO): Promise<void> {
  const dir = await resolveLogDir(options)
  const rows = await computeStats(readLog(dir, { order: 'oldest', filter: buildFilter(options), bodies: false }))
  if (options.json) {
    for (const row of rows) io.write(jsonLine(row))
    return
  }
  if (rows[rows.length - 1].requests === 0) {
    io.write(`no matching records in ${dir}\n`)
    return
  }
  io.write(`${formatStats(rows, paintFor(io))}\n`)
}
