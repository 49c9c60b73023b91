/**
 * Tool-call arguments travel as a JSON string on the OpenAI wire and as a parsed
 * value in the IR.
 */

/** Parsed arguments; `undefined` when the text is not valid JSON. Blank text means no arguments. */
export function parseArguments(text: string): unknown {
  if (text.trim() === '') return {}
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/**
 * The JSON string for the wire. A string input is an upstream's unparseable
 * arguments kept raw (see response-to-ir.ts), so it goes back as it came.
 */
export function stringifyArguments(input: unknown): string {
  if (typeof input === 'string') return input
  return JSON.stringify(input ?? {})
}
