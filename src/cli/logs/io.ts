/**
 * Where a `logs` command writes, and whether it may use colour: consola's
 * colours on a terminal, plain text when piped (or in tests).
 */
import { colors } from 'consola/utils'

export interface CommandIO {
  write(text: string): void
  /** Colours and other terminal niceties only when true. */
  isTTY: boolean
}

let pipeGuarded = false

/** `logs list | head` closes the pipe early: that is the reader being done, not an error. */
function guardBrokenPipe(): void {
  if (pipeGuarded) return
  pipeGuarded = true
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0)
    throw error
  })
}

export const stdoutIO: CommandIO = {
  write: (text) => {
    guardBrokenPipe()
    process.stdout.write(text)
  },
  get isTTY() {
    return process.stdout.isTTY === true
  },
}

export type Painter = (text: string) => string

export interface Paint {
  bold: Painter
  dim: Painter
  red: Painter
  green: Painter
  yellow: Painter
  cyan: Painter
  magenta: Painter
  gray: Painter
}

const plain: Painter = (text) => text

export function paintFor(io: CommandIO): Paint {
  if (!io.isTTY) return { bold: plain, dim: plain, red: plain, green: plain, yellow: plain, cyan: plain, magenta: plain, gray: plain }
  const { bold, dim, red, green, yellow, cyan, magenta, gray } = colors
  return { bold, dim, red, green, yellow, cyan, magenta, gray }
}
