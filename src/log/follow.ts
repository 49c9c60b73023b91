/**
 * Following the log as it grows (`logs tail`): poll the newest day files and
 * read what was appended since the last look. Only whole lines are taken — a
 * line still being written waits for the next round — and the previous day's
 * file stays watched, because a request that started before midnight is
 * logged there when it finishes.
 */
import { open } from 'node:fs/promises'
import { listDayFiles } from './day-file.js'
import { lineText, type LineMode } from './read-lines.js'

export interface FollowOptions {
  /** How often to look for new lines. */
  intervalMs?: number
  mode?: LineMode
  signal: AbortSignal
}

/** How far each file has been read; taken before printing history so nothing falls in between. */
export type Positions = Map<string, number>

/** Where following starts: the end of the last whole line of each recent day file. */
export async function snapshotPositions(dir: string): Promise<Positions> {
  const positions: Positions = new Map()
  for (const file of (await listDayFiles(dir)).slice(-2)) positions.set(file, await endOfLastLine(file))
  return positions
}

/** A line half-written at snapshot time is read whole on the next round instead of torn. */
async function endOfLastLine(file: string): Promise<number> {
  const handle = await open(file, 'r')
  try {
    const { size } = await handle.stat()
    const tail = Buffer.allocUnsafe(Math.min(size, 1 << 20))
    const { bytesRead } = await handle.read(tail, 0, tail.length, size - tail.length)
    const nl = tail.lastIndexOf(0x0a, bytesRead - 1)
    return nl === -1 ? size - bytesRead : size - bytesRead + nl + 1
  } finally {
    await handle.close()
  }
}

/** Calls `onLine` for each new whole line until the signal aborts. */
export async function followLines(dir: string, positions: Positions, onLine: (line: string) => void, options: FollowOptions): Promise<void> {
  const interval = options.intervalMs ?? 250
  const mode = options.mode ?? 'full'
  while (!options.signal.aborted) {
    const files = (await listDayFiles(dir)).slice(-2)
    for (const file of files) {
      const from = positions.get(file) ?? 0
      positions.set(file, await readNewLines(file, from, mode, onLine))
    }
    await sleep(interval, options.signal)
  }
}

/** Reads whole lines after `from`; returns the offset just past the last complete line. */
async function readNewLines(file: string, from: number, mode: LineMode, onLine: (line: string) => void): Promise<number> {
  let handle
  try {
    handle = await open(file, 'r')
  } catch {
    return from
  }
  try {
    const { size } = await handle.stat()
    // Truncated or replaced: start over.
    const start = size < from ? 0 : from
    if (size === start) return start
    const buffer = Buffer.allocUnsafe(size - start)
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, start)
    const lastNewline = buffer.lastIndexOf(0x0a, bytesRead - 1)
    if (lastNewline === -1) return start
    let lineStart = 0
    for (let nl = buffer.indexOf(0x0a); nl !== -1 && nl <= lastNewline; nl = buffer.indexOf(0x0a, lineStart)) {
      if (nl > lineStart) onLine(lineText(buffer, lineStart, nl, mode))
      lineStart = nl + 1
    }
    return start + lastNewline + 1
  } finally {
    await handle.close()
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve()
    const timer = setTimeout(done, ms)
    function done() {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    signal.addEventListener('abort', done, { once: true })
  })
}
