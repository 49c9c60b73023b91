/**
 * Reading the traffic log back: every day file under the log folder, newest
 * first (list, show, tail) or oldest first (stats), filtered, optionally
 * without parsing the bodies. Torn or foreign lines — a crash mid-write, a
 * line still being appended — are skipped, never fatal.
 */
import { basename } from 'node:path'
import { dayOfFile, listDayFiles } from './day-file.js'
import { compileFilter, type RecordFilter } from './filter.js'
import { backwardLines, forwardLines } from './read-lines.js'
import type { LogRecord } from './record.js'
import { parseRecord, parseRecordMeta } from './serialize.js'

export interface ReadOptions {
  order?: 'newest' | 'oldest'
  filter?: RecordFilter
  /** false: request and response come back null and are never parsed (much faster). */
  bodies?: boolean
  limit?: number
}

/** The day files a `since` can skip by name alone (a record lives in the file of the day it started). */
function filesFrom(files: string[], since: number | undefined): string[] {
  if (since === undefined) return files
  const firstDay = new Date(since).toISOString().slice(0, 10)
  return files.filter((file) => (dayOfFile(basename(file)) ?? '') >= firstDay)
}

export async function* readLog(dir: string, options: ReadOptions = {}): AsyncGenerator<LogRecord> {
  const newest = (options.order ?? 'newest') === 'newest'
  const filter = options.filter ?? {}
  const matches = compileFilter(filter)
  const limit = options.limit ?? Number.POSITIVE_INFINITY
  if (limit <= 0) return
  let files = filesFrom(await listDayFiles(dir), filter.since)
  if (newest) files = files.reverse()
  let count = 0
  for (const file of files) {
    const lines = newest ? backwardLines(file, 'meta') : forwardLines(file, 'meta')
    // Metadata first, bodies only for the records that pass the filter.
    const lineSource = options.bodies === false ? lines : withFullLines(file, newest)
    for await (const entry of lineSource) {
      const record = typeof entry === 'string' ? metaRecord(entry) : entry.meta
      if (!record || !matches(record)) continue
      const full = typeof entry === 'string' ? record : parseRecord(entry.line)
      if (!full) continue
      yield full
      if (++count >= limit) return
    }
  }
}

/** Whole lines, with their metadata parsed cheaply first so the filter can reject before the full parse. */
async function* withFullLines(file: string, newest: boolean): AsyncGenerator<{ meta: LogRecord | null; line: string }> {
  const lines = newest ? backwardLines(file, 'full') : forwardLines(file, 'full')
  for await (const line of lines) yield { meta: parseRecordMeta(line), line }
}

/** A record from a metadata-only line: bodies are null whatever the line held. */
function metaRecord(line: string): LogRecord | null {
  const record = parseRecord(line)
  if (record) {
    record.request = null
    record.response = null
  }
  return record
}

/**
 * The records whose id starts with `prefix`, newest first. The id is the first
 * field of every line, so lines are matched before any parsing.
 */
export async function findById(dir: string, prefix: string, max = 10): Promise<LogRecord[]> {
  const found: LogRecord[] = []
  const head = `{"id":"${prefix}`
  for (const file of (await listDayFiles(dir)).reverse()) {
    for await (const line of backwardLines(file, 'full')) {
      // Our lines start with the id; a line written in another key order is parsed to find out.
      if (!line.startsWith(head) && (line.startsWith('{"id":"') || !parseRecordMeta(line)?.id.startsWith(prefix))) continue
      const record = parseRecord(line)
      if (!record) continue
      // An exact match wins outright over longer ids sharing the prefix.
      if (record.id === prefix) return [record]
      found.push(record)
      if (found.length >= max) return found
    }
  }
  return found
}
