/**
 * Rewrites the top-level `"model"` value in raw JSON text, leaving every other
 * byte as the client sent it (key order, whitespace, number formatting, unknown
 * fields). The passthrough path forwards bodies this way.
 */

/** Index just past the JSON string starting at `start` (which is a `"`). */
function skipString(text: string, start: number): number {
  let i = start + 1
  while (i < text.length) {
    const ch = text.charCodeAt(i)
    if (ch === 92 /* \ */) i += 2
    else if (ch === 34 /* " */) return i + 1
    else i++
  }
  return -1
}

function skipSpace(text: string, i: number): number {
  while (i < text.length) {
    const ch = text.charCodeAt(i)
    if (ch === 32 || ch === 9 || ch === 10 || ch === 13) i++
    else break
  }
  return i
}

/** The [start, end) span of the top-level "model" string value, or undefined. */
export function findModelSpan(text: string): [number, number] | undefined {
  let depth = 0
  let expectKey = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '"') {
      const end = skipString(text, i)
      if (end === -1) return undefined
      if (depth === 1 && expectKey) {
        const isModel = text.slice(i + 1, end - 1) === 'model'
        let j = skipSpace(text, end)
        if (text[j] !== ':') return undefined
        j = skipSpace(text, j + 1)
        if (isModel) {
          if (text[j] !== '"') return undefined
          const valueEnd = skipString(text, j)
          return valueEnd === -1 ? undefined : [j, valueEnd]
        }
        expectKey = false
        i = j - 1
        continue
      }
      i = end - 1
    } else if (ch === '{') {
      depth++
      expectKey = depth === 1
    } else if (ch === '[') {
      depth++
    } else if (ch === '}' || ch === ']') {
      depth--
    } else if (ch === ',' && depth === 1) {
      expectKey = true
    }
  }
  return undefined
}

/** `raw` with its top-level model replaced by `model`; unchanged when it already matches. */
export function rewriteModel(raw: string, body: { model?: unknown }, model: string): string {
  if (body.model === model) return raw
  const span = findModelSpan(raw)
  if (!span) return JSON.stringify({ ...body, model })
  return raw.slice(0, span[0]) + JSON.stringify(model) + raw.slice(span[1])
}
