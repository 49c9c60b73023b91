/** GET /health: liveness and the configured providers — never keys or URL secrets. */
import type { Gateway } from '../../gateway/create-gateway.js'
import { VERSION } from '../../version.js'

/** Scheme, host and path only: credentials and query strings can carry keys. */
export function displayURL(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`
  } catch {
    return url.startsWith('mock:') ? 'built-in' : '(invalid URL)'
  }
}

export function healthRoute(gateway: Gateway) {
  return () => ({
    status: 'ok',
    version: VERSION,
    providers: Object.values(gateway.config.providers).map((p) => ({
      name: p.name,
      type: p.type,
      baseURL: p.type === 'mock' ? 'built-in' : displayURL(p.baseURL),
      ready: !p.missingKeyVar,
      ...(p.missingKeyVar ? { problem: `API key variable ${p.missingKeyVar} is unset` } : {}),
    })),
  })
}
