/**
 * The pooled keep-alive HTTP client every HTTP provider uses (undici: far less
 * per-request overhead than fetch). One client per provider, so each provider's
 * timeouts apply to its own connections. Network failures become GatewayErrors
 * whose messages name the provider and never carry secrets.
 */
import { Agent, errors as undiciErrors, request } from 'undici'
import type { ProviderTimeouts } from '../../config/types.js'
import { GatewayError } from '../../ir/errors.js'
import type { UpstreamResponse } from '../types.js'

export interface UpstreamCall {
  url: string
  method?: 'GET' | 'POST'
  headers: Record<string, string>
  body?: string
  signal: AbortSignal
}

export interface UpstreamClient {
  send(call: UpstreamCall): Promise<UpstreamResponse>
  close(): Promise<void>
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(headers)) {
    if (value !== undefined) out[key] = Array.isArray(value) ? value.join(', ') : value
  }
  return out
}

/** Where a URL points, without path or query (which may carry keys). */
function origin(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return 'the provider'
  }
}

export function networkError(error: unknown, provider: string, url: string, timeouts: ProviderTimeouts): GatewayError {
  const where = `provider '${provider}' (${origin(url)})`
  const code = (error as { code?: string })?.code ?? ''
  const options = { provider, cause: error }
  if ((error as Error)?.name === 'AbortError' || error instanceof undiciErrors.RequestAbortedError) {
    return new GatewayError('cancelled', 'The request was cancelled by the client', options)
  }
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new GatewayError('timeout', `Timed out connecting to ${where} after ${timeouts.connectMs} ms`, { ...options, status: 504 })
    case 'UND_ERR_HEADERS_TIMEOUT':
      return new GatewayError('timeout', `No response from ${where} within ${timeouts.firstByteMs} ms`, { ...options, status: 504 })
    case 'UND_ERR_BODY_TIMEOUT':
      return new GatewayError('timeout', `${where} stopped sending for ${timeouts.idleMs} ms`, { ...options, status: 504 })
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new GatewayError('bad_gateway', `Cannot resolve the host of ${where} (${code})`, options)
    case 'ECONNREFUSED':
      return new GatewayError('bad_gateway', `Connection refused by ${where}`, options)
    default: {
      const detail = code || (error instanceof Error ? error.message : 'network error')
      return new GatewayError('bad_gateway', `Cannot reach ${where}: ${detail}`, options)
    }
  }
}

export function createUpstreamClient(provider: string, timeouts: ProviderTimeouts): UpstreamClient {
  const agent = new Agent({
    connect: { timeout: timeouts.connectMs },
    headersTimeout: timeouts.firstByteMs,
    bodyTimeout: timeouts.idleMs,
    keepAliveTimeout: 30_000,
    connections: 256,
  })
  return {
    async send(call) {
      try {
        const response = await request(call.url, {
          dispatcher: agent,
          method: call.method ?? 'POST',
          headers: call.headers,
          body: call.body,
          signal: call.signal,
        })
        return {
          status: response.statusCode,
          headers: flattenHeaders(response.headers),
          body: response.body,
        }
      } catch (error) {
        throw networkError(error, provider, call.url, timeouts)
      }
    },
    close: () => agent.close(),
  }
}

/** Read a whole (small) body as text, mapping mid-body network failures. */
export async function readText(response: UpstreamResponse): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of response.body) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}
