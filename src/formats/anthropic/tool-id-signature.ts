/**
 * Gemini signs function calls (`thoughtSignature`) and Gemini 3 wants each
 * signature back on the call it came with. Anthropic's tool_use block has no
 * field for it, and the one field every Messages client returns untouched is
 * the id (on the tool_use block and again as the tool_result's tool_use_id).
 * So a signed call leaves the gateway with the signature appended to its id:
 *
 *   `<id>__sig_b<base64url of the signature's bytes>`  (canonical base64 signature)
 *   `<id>__sig_t<base64url of the signature's UTF-8>`  (any other string)
 *
 * which stays inside Anthropic's `^[a-zA-Z0-9_-]+$` id alphabet. Coming back,
 * the suffix is split off again: the IR sees the plain id and the signature.
 * Unsigned calls keep their ids unchanged.
 */

const MARKER = '__sig_'

/** The id a client sees for a call, carrying its signature when it has one. */
export function idWithSignature(id: string, signature: string | undefined): string {
  if (!signature) return id
  const bytes = Buffer.from(signature, 'base64')
  const canonical = bytes.length > 0 && bytes.toString('base64') === signature
  return canonical ? `${id}${MARKER}b${bytes.toString('base64url')}` : `${id}${MARKER}t${Buffer.from(signature, 'utf8').toString('base64url')}`
}

/** A client-sent id split into the call's own id and the signature it carried, if any. */
export function splitIdSignature(carried: string): { id: string; signature?: string } {
  const at = carried.indexOf(MARKER)
  if (at <= 0) return { id: carried }
  const tag = carried[at + MARKER.length]
  const payload = carried.slice(at + MARKER.length + 1)
  if (payload === '' || !/^[A-Za-z0-9_-]+$/.test(payload)) return { id: carried }
  const bytes = Buffer.from(payload, 'base64url')
  if (tag === 'b') return { id: carried.slice(0, at), signature: bytes.toString('base64') }
  if (tag === 't') return { id: carried.slice(0, at), signature: bytes.toString('utf8') }
  return { id: carried }
}
