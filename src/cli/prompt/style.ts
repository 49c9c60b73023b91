/** Terminal styling for the one-off commands: only on a terminal, never when piped or NO_COLOR is set. */

export interface Output {
  write(text: string): unknown
  isTTY?: boolean
}

export function colorsOn(stream: Output, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb'
}

export function dim(text: string, on: boolean): string {
  return on && text !== '' ? `\x1b[2m${text}\x1b[22m` : text
}
