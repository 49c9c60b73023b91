/**
 * The prompt of a one-off command: the argument, what is piped on stdin, or
 * both (`cat notes.md | llm-gateway chat "summarise this"`: the argument
 * first, then a blank line, then stdin). Stdin is read only when it is not a
 * terminal, so an interactive shell never waits on it.
 */
import { UsageError } from '../fail.js'

export interface PromptInput {
  isTTY?: boolean
  [Symbol.asyncIterator](): AsyncIterator<string | Buffer>
}

export async function readStdin(stdin: PromptInput): Promise<string> {
  if (stdin.isTTY) return ''
  const chunks: Buffer[] = []
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
  return Buffer.concat(chunks).toString('utf8')
}

/** Argument and stdin joined by a blank line; trailing newlines (echo's, a file's) are dropped. */
export function combinePrompt(argument: string | undefined, piped: string): string {
  const parts = [argument ?? '', piped.replace(/\s+$/, '')].filter((part) => part.trim() !== '')
  return parts.join('\n\n')
}

export async function resolvePrompt(argument: string | undefined, command: string, stdin: PromptInput = process.stdin): Promise<string> {
  const prompt = combinePrompt(argument, await readStdin(stdin))
  if (prompt === '') {
    throw new UsageError(`no prompt: give one as an argument or on stdin, e.g. llm-gateway ${command} "hello" or echo hello | llm-gateway ${command}`)
  }
  return prompt
}
