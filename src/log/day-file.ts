/**
 * The log is one JSON Lines file per UTC day, named `YYYY-MM-DD.jsonl`, so a
 * day's traffic is one file and old days can be deleted by name.
 */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.jsonl$/

/** The file a record belongs in, from its ISO time (UTC day). */
export function dayFileName(isoTime: string): string {
  return `${isoTime.slice(0, 10)}.jsonl`
}

/** The day (`YYYY-MM-DD`) a file name stands for, or null for other files. */
export function dayOfFile(name: string): string | null {
  return DAY_FILE.exec(name)?.[1] ?? null
}

/** The day files in `dir`, oldest first; none when the folder does not exist yet. */
export async function listDayFiles(dir: string): Promise<string[]> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  return names
    .filter((name) => dayOfFile(name) !== null)
    .sort()
    .map((name) => join(dir, name))
}
