/**
 * Line-by-line reading of a day file, forwards or backwards, in large chunks.
 * Lines are cut from Buffers and only the part the caller needs is decoded:
 * in `meta` mode the bodies (everything from `,"request":` on) are never
 * turned into strings, which is most of the cost of reading a big log.
 */
import { open } from 'node:fs/promises'
import { BODIES_MARKER } from './serialize.js'

export type LineMode = 'full' | 'meta'

const CHUNK = 1 << 20
const NEWLINE = 0x0a
const MARKER = Buffer.from(BODIES_MARKER)

/** The text of line [start, end) of `buffer`: whole, or its metadata closed with `}`. */
export function lineText(buffer: Buffer, start: number, end: number, mode: LineMode): string {
  if (mode === 'meta') {
    // Searched within the line only, so a line without the marker costs no more than its length.
    const cut = buffer.subarray(start, end).indexOf(MARKER)
    if (cut > 0) return `${buffer.toString('utf8', start, start + cut)}}`
  }
  return buffer.toString('utf8', start, end)
}

/** Lines oldest first, from byte `from` to the end; a last line without its newline is included. */
export async function* forwardLines(path: string, mode: LineMode, from = 0): AsyncGenerator<string> {
  const handle = await open(path, 'r')
  try {
    let position = from
    let carry = Buffer.alloc(0)
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK)
      const { bytesRead } = await handle.read(chunk, 0, CHUNK, position)
      if (bytesRead === 0) break
      position += bytesRead
      const buffer = carry.length > 0 ? Buffer.concat([carry, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead)
      let start = 0
      for (let nl = buffer.indexOf(NEWLINE, start); nl !== -1; nl = buffer.indexOf(NEWLINE, start)) {
        if (nl > start) yield lineText(buffer, start, nl, mode)
        start = nl + 1
      }
      carry = Buffer.from(buffer.subarray(start))
    }
    if (carry.length > 0) yield lineText(carry, 0, carry.length, mode)
  } finally {
    await handle.close()
  }
}

/** Lines newest first (the file read from its end), so `--limit` stops early on a big log. */
export async function* backwardLines(path: string, mode: LineMode): AsyncGenerator<string> {
  const handle = await open(path, 'r')
  try {
    let position = (await handle.stat()).size
    let carry = Buffer.alloc(0)
    while (position > 0) {
      const size = Math.min(CHUNK, position)
      position -= size
      const chunk = Buffer.allocUnsafe(size)
      await readFully(handle, chunk, position)
      const buffer = carry.length > 0 ? Buffer.concat([chunk, carry]) : chunk
      let end = buffer.length
      while (end > 0) {
        const nl = buffer.lastIndexOf(NEWLINE, end - 1)
        if (nl === -1) break
        if (end > nl + 1) yield lineText(buffer, nl + 1, end, mode)
        end = nl
      }
      carry = Buffer.from(buffer.subarray(0, end))
    }
    if (carry.length > 0) yield lineText(carry, 0, carry.length, mode)
  } finally {
    await handle.close()
  }
}

async function readFully(handle: Awaited<ReturnType<typeof open>>, buffer: Buffer, position: number): Promise<void> {
  let offset = 0
  while (offset < buffer.length) {
    const { bytesRead } = await handle.read(buffer, offset, buffer.length - offset, position + offset)
    if (bytesRead === 0) break
    offset += bytesRead
  }
}
