/**
 * Local OpenAI-compatible servers (Ollama, LM Studio, vLLM) running on this
 * machine right now, found by asking each one's `GET /models` at its preset's
 * address: what `llm-gateway init` adds to the starter config. A port nobody
 * listens on refuses at once; a server that does not answer is given up on
 * after `timeoutMs`.
 */
import { PRESETS } from '../providers/presets.js'

export interface LocalServer {
  name: string
  /** OpenAI-style base URL, ending in /v1. */
  baseURL: string
}

export const LOCAL_SERVERS: readonly LocalServer[] = PRESETS.filter((preset) => preset.local).map(({ name, baseURL }) => ({ name, baseURL }))

async function answers(server: LocalServer, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetch(`${server.baseURL}/models`, { signal: AbortSignal.timeout(timeoutMs) })
    if (!response.ok) return false
    const body = (await response.json()) as { data?: unknown }
    return Array.isArray(body?.data)
  } catch {
    return false // refused, timed out, or not an OpenAI-style model list
  }
}

/** The names of the servers that answered, in the order given; all are asked at once. */
export async function detectLocalServers(servers: readonly LocalServer[] = LOCAL_SERVERS, timeoutMs = 500): Promise<string[]> {
  const found = await Promise.all(servers.map((server) => answers(server, timeoutMs)))
  return servers.filter((_, i) => found[i]).map((server) => server.name)
}
