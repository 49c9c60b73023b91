/**
 * The traffic log's writer. The gateway calls `record()` after the response
 * has ended (off the request path); it turns the record into its line and the
 * line into UTF-8 bytes in the pending batch right away — so neither the
 * record's objects nor the line are held long enough for the garbage
 * collector to promote them. A short timer, or a full batch, appends the
 * batch as one write of whole lines per day file. Batches
 * are written one after another, so lines never interleave however many
 * requests finish at once. A crash loses at most what is still queued;
 * `close()` flushes it.
 *
 * Writing must never take the gateway down: a failure (disk full, no
 * permission) is reported once on stderr and the batch is dropped.
 */
import { mkdir, open } from 'node:fs/promises'
import { join } from 'node:path'
import { dayFileName } from './day-file.js'
import { LineBatch } from './line-batch.js'
import type { LogRecord, Recorder } from './record.js'
import { createRedactor, type Redactor } from './redact.js'
import { serializeRecord } from './serialize.js'

export interface FileRecorderOptions {
  dir: string
  /** false: request and response are written as null (metadata only). */
  bodies?: boolean
  /** Provider and gateway keys: scrubbed from every line. */
  secrets?: Iterable<string>
  /** How long a record may wait in memory before it is written. */
  flushIntervalMs?: number
  /** Queued records that trigger a write right away. */
  batchSize?: number
  /** Queued characters that trigger a write right away (large bodies fill a batch sooner). */
  batchChars?: number
  /** Characters held (queued or being written) while the disk is slow; beyond this records are dropped, and that is reported. */
  maxPendingChars?: number
  /** Where the one-time failure report goes (stderr by default). */
  onError?: (message: string) => void
}

export class FileRecorder implements Recorder {
  readonly dir: string
  /** What has reached the disk so far (for tests and diagnostics). */
  readonly written = { batches: 0, records: 0 }
  private readonly bodies: boolean
  private readonly redact: Redactor
  private readonly flushIntervalMs: number
  private readonly batchSize: number
  private readonly batchChars: number
  private readonly maxPendingChars: number
  private readonly onError: (message: string) => void
  private batch = new LineBatch()
  /** A written batch's buffer, for the next batch to fill. */
  private spare: Buffer | undefined
  /** Characters queued or in a write not yet finished: the memory the log holds. */
  private pendingChars = 0
  private timer: NodeJS.Timeout | undefined
  /** The write in progress (batches are chained so they land in order). */
  private writing: Promise<void> = Promise.resolve()
  private dirReady: Promise<void> | undefined
  private reported = false
  private dropped = 0
  private closed = false

  constructor(options: FileRecorderOptions) {
    this.dir = options.dir
    this.bodies = options.bodies ?? true
    this.redact = createRedactor(options.secrets ?? [])
    this.flushIntervalMs = options.flushIntervalMs ?? 200
    this.batchSize = options.batchSize ?? 256
    this.batchChars = options.batchChars ?? 1 << 20
    this.maxPendingChars = options.maxPendingChars ?? 64 << 20
    this.onError = options.onError ?? ((message) => process.stderr.write(`llm-gateway: ${message}\n`))
  }

  record(record: LogRecord): void {
    if (this.pendingChars >= this.maxPendingChars) {
      this.dropped++
      return
    }
    let line: string
    try {
      line = this.redact(serializeRecord(record, this.bodies))
    } catch (error) {
      this.report(`traffic log: could not serialize record ${record.id}: ${(error as Error).message}`)
      return
    }
    this.batch.add(dayFileName(record.time), line)
    this.pendingChars += line.length
    if (this.batch.lines >= this.batchSize || this.batch.chars >= this.batchChars || this.closed) void this.flush()
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.flushIntervalMs)
      // A pending log write alone must not keep a one-off command alive: close() flushes.
      this.timer.unref()
    }
  }

  /** Write everything queued so far; resolves when it is on disk (or has failed). */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = undefined
    }
    if (this.batch.lines > 0) {
      const batch = this.batch
      const chars = batch.chars
      this.batch = new LineBatch(this.spare)
      this.spare = undefined
      this.writing = this.writing.then(async () => {
        await this.write(batch)
        this.pendingChars -= chars
        // Not one that a burst of large records grew: that memory goes back.
        const reusable = batch.reusable(this.batchChars * 4)
        if (reusable && !(this.spare && this.spare.length >= reusable.length)) this.spare = reusable
      })
    }
    return this.writing
  }

  async close(): Promise<void> {
    this.closed = true
    await this.flush()
  }

  private async write(batch: LineBatch): Promise<void> {
    try {
      this.dirReady ??= mkdir(this.dir, { recursive: true }).then(() => undefined)
      await this.dirReady
      // One write per day file, so a batch spanning midnight splits cleanly.
      for (const { file, bytes, lines } of batch.encoded()) {
        await appendWhole(join(this.dir, file), bytes)
        this.written.batches++
        this.written.records += lines
      }
      if (this.dropped > 0) {
        this.report(`traffic log: the disk could not keep up; ${this.dropped} records were not logged`)
        this.dropped = 0
      }
    } catch (error) {
      // Try creating the folder again next time (it may have been removed).
      this.dirReady = undefined
      this.report(`traffic log: cannot write to ${this.dir}: ${(error as Error).message} — still serving, but requests are not being logged`)
    }
  }

  private report(message: string): void {
    if (this.reported) return
    this.reported = true
    this.onError(message)
  }
}

/**
 * One write(2) in append mode per batch: the batch lands as a unit even when
 * another process (a one-off CLI command) appends to the same day file.
 */
async function appendWhole(path: string, buffer: Buffer): Promise<void> {
  const handle = await open(path, 'a')
  try {
    let offset = 0
    while (offset < buffer.length) {
      const { bytesWritten } = await handle.write(buffer, offset, buffer.length - offset)
      offset += bytesWritten
    }
  } finally {
    await handle.close()
  }
}
