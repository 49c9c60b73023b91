/**
 * The POST endpoints that proxy to providers, in one table: the h3 app
 * registers them and the fast lane (fast-lane.ts) answers them, so the two
 * can never disagree on what a path means.
 */
import type { InboundRequest } from '../gateway/types.js'
import type { ClientFormatName } from '../ir/types.js'

export interface ProxyRoute {
  /** The path as clients call it. */
  path: string
  format: ClientFormatName
  operation: InboundRequest['operation']
  /** The endpoint as the log records it. */
  endpoint: string
}

const ENDPOINTS: Omit<ProxyRoute, 'path'>[] = [
  { format: 'openai', operation: 'chat', endpoint: '/v1/chat/completions' },
  { format: 'anthropic', operation: 'chat', endpoint: '/v1/messages' },
  { format: 'anthropic', operation: 'count_tokens', endpoint: '/v1/messages/count_tokens' },
]

/** Clients whose base URL already ends in /v1 (as Anthropic's docs write it) call /v1/v1/... */
export const API_PREFIXES = ['/v1', '/v1/v1']

export const PROXY_ROUTES: ProxyRoute[] = API_PREFIXES.flatMap((prefix) =>
  ENDPOINTS.map((route) => ({ ...route, path: `${prefix}${route.endpoint.slice('/v1'.length)}` })),
)
