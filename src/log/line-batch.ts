/**
 * Log lines waiting for their write, already UTF-8 encoded: each line goes
 * into its day file's buffer the moment it is recorded, so the line (a few KB
 * of string per request) dies young instead of waiting in a queue long enough
 * for the garbage collector to copy and promote it (bench/: the log's queued
 * lines were ~70% of what the gateway promoted per scavenge).
 */

/** Room for a handful of typical records; a buffer doubles when a line does not fit. */
const INITIAL_BYTES = 16 * 1024

interface DayBuffer {
  buffer: Buffer
  length: number
  lines: number
}

export interface EncodedLines {
  file: string
  /** The lines, each followed by a newline. */
  bytes: Buffer
  lines: number
}

export class LineBatch {
  private readonly files = new Map<string, DayBuffer>()
  /** Lines added. */
  lines = 0
  /** Their length in characters (what the recorder's limits count). */
  chars = 0

  /**
   * `spare`: a buffer a written batch gave back (see reusable()), for the
   * first day file: at a steady rate batches reuse one buffer instead of
   * allocating (and growing) a new one each time, which counts as external
   * memory and brought on extra full collections.
   */
  constructor(private spare?: Buffer) {}

  add(file: string, line: string): void {
    // A UTF-16 code unit never takes more than 3 bytes in UTF-8.
    const room = line.length * 3 + 1
    let day = this.files.get(file)
    if (!day) {
      const spare = this.spare
      this.spare = undefined
      day = { buffer: spare && spare.length >= room ? spare : Buffer.allocUnsafe(Math.max(INITIAL_BYTES, room)), length: 0, lines: 0 }
      this.files.set(file, day)
    } else if (day.length + room > day.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(day.buffer.length * 2, day.length + room))
      day.buffer.copy(grown, 0, 0, day.length)
      day.buffer = grown
    }
    day.length += day.buffer.write(line, day.length)
    day.buffer[day.length++] = 0x0a
    day.lines++
    this.lines++
    this.chars += line.length
  }

  /** The largest buffer, to hand to the next batch once this one is written (up to `max` bytes). */
  reusable(max: number): Buffer | undefined {
    let largest: Buffer | undefined
    for (const day of this.files.values()) if (!largest || day.buffer.length > largest.length) largest = day.buffer
    return largest && largest.length <= max ? largest : this.spare
  }

  /** Each day file's lines, in the order the files were first added to. */
  encoded(): EncodedLines[] {
    return [...this.files].map(([file, day]) => ({ file, bytes: day.buffer.subarray(0, day.length), lines: day.lines }))
  }
}
