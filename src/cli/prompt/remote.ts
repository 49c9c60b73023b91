/**
 * The `--url` transport: POST to a running gateway, authenticating with
 * `--key` or LLM_GATEWAY_API_KEY when given. The server picks the routing, so
 * `-m` is required and cost comes from the catalogue's list price.
 */
import { costUsd } from '../../catalog/index.js'
import { VERSION } from '../../version.js'
import { UsageError } from '../fail.js'
import { ANTHROPIC_VERSION, type Transport, USER_AGENT_PREFIX } from './transport.js'

export interface RemoteOptions {
  url: string
  key?: string
}

/** `http://host:4000`, `http://host:4000/` and `http://host:4000/v1` all mean the gateway at that host. */
export function gatewayBase(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new UsageError(`--url expects an http:// or https:// URL, got "${url}"`)
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UsageError(`--url expects an http:// or https:// URL, got "${url}"`)
  return parsed.href.replace(/\/+$/, '').replace(/\/v1$/, '')
}

function describeFetchError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))
}

export function remoteTransport(options: RemoteOptions, env: NodeJS.ProcessEnv = process.env): Transport {
  const base = gatewayBase(options.url)
  const key = options.key ?? env.LLM_GATEWAY_API_KEY

  return {
    defaultModel() {
      throw new UsageError(`--url needs -m MODEL (the gateway's model names: curl ${base}/v1/models)`)
    },
    quirksFor: () => ({}),
    async send(request, signal) {
      const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': `${USER_AGENT_PREFIX}/${VERSION}` }
      if (request.format === 'anthropic') {
        headers['anthropic-version'] = ANTHROPIC_VERSION
        if (key) headers['x-api-key'] = key
      } else if (key) headers.authorization = `Bearer ${key}`
      let response: Response
      try {
        response = await fetch(`${base}${request.endpoint}`, { method: 'POST', headers, body: JSON.stringify(request.body), signal })
      } catch (error) {
        if (signal.aborted) throw error
        throw new Error(`could not reach the gateway at ${base}: ${describeFetchError(error)}`)
      }
      return {
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body: response.body ?? '',
      }
    },
    cost(providerModel, usage) {
      try {
        return costUsd(providerModel, usage)
      } catch {
        return null
      }
    },
    async close() {},
  }
}
