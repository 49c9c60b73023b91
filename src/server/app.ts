/**
 * The HTTP surface (h3 v2). Routes stay thin: every request is authenticated,
 * then handed to the gateway; anything unmatched gets a JSON 404/405 in the
 * format the client most likely speaks.
 */
import { H3, type H3Event, type HTTPResponse } from 'h3'
import { errorResponse } from '../gateway/handle-request.js'
import type { Gateway } from '../gateway/create-gateway.js'
import { clientFormats } from '../formats/registry.js'
import { GatewayError, toGatewayError } from '../ir/errors.js'
import { createGatewayKeyCheck } from './auth.js'
import { API_PREFIXES, PROXY_ROUTES } from './proxy-routes.js'
import { healthRoute } from './routes/health.js'
import { modelsRoute } from './routes/models.js'
import { proxyRoute } from './routes/proxy.js'
import { toHTTPResponse } from './web-response.js'

/** Anthropic clients: the messages endpoints, or anything carrying `anthropic-version`. */
export function clientFormatOf(pathname: string, anthropicVersion: boolean) {
  return clientFormats[pathname.includes('/messages') || anthropicVersion ? 'anthropic' : 'openai']
}

function formatOf(event: H3Event) {
  return clientFormatOf(event.url.pathname, event.req.headers.has('anthropic-version'))
}

function fail(event: H3Event, error: GatewayError): HTTPResponse {
  return toHTTPResponse(errorResponse(formatOf(event), error))
}

const KNOWN_PATHS = new Set(['/v1/chat/completions', '/v1/messages', '/v1/messages/count_tokens', '/v1/models', '/health'])

export function createApp(gateway: Gateway): H3 {
  const keyOk = createGatewayKeyCheck(gateway)
  const app = new H3({
    onError: (error, event) => fail(event, toGatewayError(error.cause ?? error)),
  })

  app.use((event) => {
    if (event.url.pathname === '/health') return
    if (!keyOk(event.req.headers)) {
      return fail(
        event,
        new GatewayError('authentication', 'Invalid or missing gateway API key: send one of server.apiKeys as `Authorization: Bearer <key>` or `x-api-key: <key>`', {
          code: 'invalid_api_key',
        }),
      )
    }
  })

  for (const route of PROXY_ROUTES) app.post(route.path, proxyRoute(gateway, route))
  for (const prefix of API_PREFIXES) app.get(`${prefix}/models`, modelsRoute(gateway))
  app.get('/health', healthRoute(gateway))

  app.all('/**', (event) => {
    const path = event.url.pathname.replace(/^\/v1\/v1\//, '/v1/')
    if (KNOWN_PATHS.has(path)) {
      return fail(event, new GatewayError('method_not_allowed', `${event.req.method} is not allowed on ${event.url.pathname}`))
    }
    return fail(
      event,
      new GatewayError('not_found', `No route for ${event.req.method} ${event.url.pathname}. The gateway serves POST /v1/chat/completions, POST /v1/messages, POST /v1/messages/count_tokens, GET /v1/models and GET /health.`),
    )
  })
  return app
}
