/**
 * Anthropic's tool_use `input` must be a JSON object. The IR carries whatever
 * the model produced: usually an object, sometimes the raw argument string an
 * OpenAI-type provider streamed (when it was not valid JSON).
 */
export function toolInputObject(input: unknown): Record<string, unknown> {
  if (typeof input === 'string') {
    if (input.trim() === '') return {}
    try {
      return toolInputObject(JSON.parse(input) as unknown)
    } catch {
      // Not JSON: keep the text rather than lose it.
      return { input }
    }
  }
  if (input && typeof input === 'object' && !Array.isArray(input)) return input as Record<string, unknown>
  if (input === undefined || input === null) return {}
  return { input }
}
