/**
 * Watches the config file for edits. Editors save in different ways (write in
 * place, write a temporary file and rename it over, delete and recreate), so
 * the folder is watched rather than the file's inode, and a burst of events
 * becomes one change after a short quiet period. A save that leaves the
 * content as it was is ignored. Where the folder cannot be watched (inotify
 * limits, network drives) the file is polled instead.
 */
import { type FSWatcher, readFileSync, unwatchFile, watch, watchFile } from 'node:fs'
import { basename, dirname } from 'node:path'

export interface WatchOptions {
  /** Quiet period that ends a burst of file events. */
  debounceMs?: number
  /** Poll interval when the folder cannot be watched. */
  pollMs?: number
}

export interface ConfigWatcher {
  close(): void
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return null
  }
}

export function watchConfigFile(path: string, onChange: () => void, options: WatchOptions = {}): ConfigWatcher {
  const debounceMs = options.debounceMs ?? 200
  const name = basename(path)
  let last = readOrNull(path)
  let timer: NodeJS.Timeout | undefined
  let watcher: FSWatcher | undefined
  let polling = false
  let closed = false

  const settle = () => {
    timer = undefined
    const content = readOrNull(path)
    // Mid-save (the file briefly missing) or unchanged: nothing to do yet.
    if (content === null || content === last) return
    last = content
    onChange()
  }
  const poke = () => {
    if (closed) return
    clearTimeout(timer)
    timer = setTimeout(settle, debounceMs)
  }
  const poll = () => {
    if (polling || closed) return
    polling = true
    watcher?.close()
    watchFile(path, { interval: options.pollMs ?? 1000, persistent: false }, poke)
  }

  try {
    watcher = watch(dirname(path), { persistent: false }, (_event, file) => {
      if (file === null || file === name) poke()
    })
    watcher.on('error', poll)
  } catch {
    poll()
  }

  return {
    close() {
      closed = true
      clearTimeout(timer)
      watcher?.close()
      if (polling) unwatchFile(path, poke)
    },
  }
}
