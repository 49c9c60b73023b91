/**
 * Node-style headers (a value may be a list, or missing) as a plain
 * name -> value record, repeated headers joined with ", " as web Headers
 * would: how both the server's inbound headers and an upstream's response
 * headers are handed around.
 */
export function headerRecord(headers: Readonly<Record<string, string | string[] | undefined>>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const key in headers) {
    const value = headers[key]
    if (value !== undefined) out[key] = Array.isArray(value) ? value.join(', ') : value
  }
  return out
}
