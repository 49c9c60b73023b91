/**
 * Gemini function calls usually carry no id, but both client formats pair tool
 * results with calls by id. The id is synthesized from the response id and the
 * call's position, so it is deterministic, unique across turns (clients such as
 * coding agents key tool results by id for a whole session) and matches
 * Anthropic's `^[a-zA-Z0-9_-]+$` id pattern. Gemini's own id wins when present.
 */
export function toolCallId(ordinal: number, name: string, responseId: string | undefined, upstreamId?: string): string {
  if (upstreamId) return safe(upstreamId)
  const scope = responseId ? safe(responseId) : safe(name)
  return `call_${scope}_${ordinal}`
}

function safe(text: string): string {
  return text.replace(/[^a-zA-Z0-9_-]/g, '_')
}
