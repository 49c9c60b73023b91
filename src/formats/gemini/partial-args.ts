/**
 * Streamed function-call arguments (`functionCall.partialArgs`) -> JSON text,
 * incrementally. Each PartialArg names a value by JSON path (`$.a.b[0]`);
 * strings may arrive in pieces (`willContinue`). The writer emits just the new
 * JSON text for each piece, so the concatenation of everything it returns,
 * plus `finish()`, is the arguments object.
 */
import type { GeminiPartialArg } from './wire-types.js'

type Segment = string | number

interface Container {
  kind: 'object' | 'array'
  members: number
}

export class PartialArgsWriter {
  private started = false
  /** Open containers below the root object, with the path segment that opened each. */
  private readonly open: Array<{ segment: Segment; container: Container }> = []
  private readonly root: Container = { kind: 'object', members: 0 }
  /** Path key of a string value still receiving pieces. */
  private openString: string | undefined

  /** JSON text for one partial argument ('' when it adds nothing). */
  write(arg: GeminiPartialArg): string {
    const path = parseJsonPath(arg.jsonPath ?? '')
    if (!path || path.length === 0) return ''
    const key = JSON.stringify(path)
    let out = ''
    if (!this.started) {
      this.started = true
      out += '{'
    }
    if (this.openString !== undefined) {
      if (this.openString === key && arg.stringValue !== undefined) return out + this.continueString(arg)
      out += '"'
      this.openString = undefined
    }
    out += this.moveTo(path.slice(0, -1), path)
    const container = this.current()
    out += this.memberPrefix(container, path[path.length - 1])
    out += this.value(arg, key)
    return out
  }

  /** Closing text: ends an open string and every open container, root included. */
  finish(): string {
    if (!this.started) return '{}'
    let out = this.openString !== undefined ? '"' : ''
    this.openString = undefined
    while (this.open.length > 0) out += closer(this.open.pop()!.container)
    return out + '}'
  }

  private continueString(arg: GeminiPartialArg): string {
    let out = escapeJsonString(arg.stringValue ?? '')
    if (!arg.willContinue) {
      out += '"'
      this.openString = undefined
    }
    return out
  }

  /** Close containers not on the new path and open the ones it needs. */
  private moveTo(parent: Segment[], fullPath: Segment[]): string {
    let common = 0
    while (common < this.open.length && common < parent.length && this.open[common].segment === parent[common]) common++
    let out = ''
    while (this.open.length > common) out += closer(this.open.pop()!.container)
    for (let depth = common; depth < parent.length; depth++) {
      const container = this.current()
      out += this.memberPrefix(container, parent[depth])
      const kind = typeof fullPath[depth + 1] === 'number' ? 'array' : 'object'
      out += kind === 'array' ? '[' : '{'
      this.open.push({ segment: parent[depth], container: { kind, members: 0 } })
    }
    return out
  }

  private memberPrefix(container: Container, segment: Segment): string {
    const comma = container.members++ > 0 ? ',' : ''
    return container.kind === 'object' ? `${comma}${JSON.stringify(String(segment))}:` : comma
  }

  private value(arg: GeminiPartialArg, key: string): string {
    if (arg.stringValue !== undefined) {
      if (arg.willContinue) {
        this.openString = key
        return `"${escapeJsonString(arg.stringValue)}`
      }
      return JSON.stringify(arg.stringValue)
    }
    if (typeof arg.numberValue === 'number') return Number.isFinite(arg.numberValue) ? String(arg.numberValue) : 'null'
    if (typeof arg.boolValue === 'boolean') return String(arg.boolValue)
    return 'null'
  }

  private current(): Container {
    return this.open.at(-1)?.container ?? this.root
  }
}

function closer(container: Container): string {
  return container.kind === 'array' ? ']' : '}'
}

function escapeJsonString(text: string): string {
  return JSON.stringify(text).slice(1, -1)
}

/** `$.a.b[0]`, `$['a b']["c"]` -> ['a', 'b', 0], ['a b', 'c']; undefined when unreadable. */
export function parseJsonPath(path: string): Segment[] | undefined {
  if (!path.startsWith('$')) return undefined
  const segments: Segment[] = []
  let i = 1
  while (i < path.length) {
    if (path[i] === '.') {
      const match = /^[^.[]+/.exec(path.slice(i + 1))
      if (!match) return undefined
      segments.push(match[0])
      i += 1 + match[0].length
    } else if (path[i] === '[') {
      const rest = path.slice(i)
      const index = /^\[(\d+)\]/.exec(rest)
      const quoted = /^\[(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\]/.exec(rest)
      if (index) {
        segments.push(Number(index[1]))
        i += index[0].length
      } else if (quoted) {
        segments.push((quoted[1] ?? quoted[2]).replace(/\\(.)/g, '$1'))
        i += quoted[0].length
      } else {
        return undefined
      }
    } else {
      return undefined
    }
  }
  return segments
}
