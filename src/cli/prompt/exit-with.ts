/**
 * Ends a one-off command with its exit code once stdout and stderr have
 * drained: a pooled upstream connection must not keep the process alive, and
 * a piped reply must not lose its tail.
 */
import type { Writable } from 'node:stream'

const drained = (stream: Writable) => new Promise<void>((resolve) => stream.write('', () => resolve()))

export async function exitWith(code: number): Promise<never> {
  await Promise.all([drained(process.stdout), drained(process.stderr)])
  process.exit(code)
}
