/**
 * A format-neutral view of a logged request or response, just for printing:
 * OpenAI and Anthropic bodies are both reduced to turns of blocks so `logs
 * show` renders them the same way. Anything unrecognised is kept as JSON
 * rather than dropped — the log is for seeing exactly what was sent.
 */

export type Block =
  | { kind: 'text'; text: string; cached?: boolean }
  | { kind: 'thinking'; text: string; signed?: boolean }
  | { kind: 'redacted_thinking' }
  | { kind: 'tool_call'; id?: string; name: string; input: string }
  | { kind: 'tool_result'; id?: string; content: string; isError?: boolean }
  | { kind: 'image'; description: string }
  | { kind: 'other'; type: string; json: string }

export interface Turn {
  role: string
  /** Who the turn is from beyond its role: a tool call id, a participant name. */
  note?: string
  blocks: Block[]
}

export interface RequestView {
  /** Sampling and other settings worth seeing, as label/value pairs. */
  params: Array<[string, string]>
  tools: string[]
  system: Block[]
  turns: Turn[]
}

export interface ResponseView {
  id?: string
  model?: string
  stop: string | null
  turn: Turn
}

export type Json = Record<string, unknown>

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])

export const str = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? '')

/** Settings shown on the `params` line, in this order, when present. */
export function pickParams(body: Json, names: string[]): Array<[string, string]> {
  return names.filter((name) => body[name] !== undefined && body[name] !== null).map((name) => [name, str(body[name])])
}

/** A short description of an image: never its base64 data. */
export function describeImage(mediaType: string | undefined, data: string | undefined, url: string | undefined): string {
  if (url && !url.startsWith('data:')) return url
  const source = data ?? url ?? ''
  const type = mediaType ?? /^data:([^;,]+)/.exec(source)?.[1] ?? 'image'
  return `${type}, ${Math.round((source.length * 3) / 4 / 1024)} KB`
}
