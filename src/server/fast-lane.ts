/**
 * The hot routes (POST chat completions, messages, count_tokens, and their
 * /v1/v1 twins) answered at the Node level, in front of h3: the body read from
 * Node's stream, the gateway's answer written straight to the ServerResponse.
 * Everything else — other paths and methods, and any request whose gateway
 * key does not check out (h3 answers it with the 401) — goes to `fallback`,
 * the h3 app, which stays the server (404/405, /health, /v1/models). Same
 * answers as the h3 route, byte for byte; ~half the server's CPU per request
 * on the benchmark (no web Request/Headers/Response wrappers, one abort
 * signal instead of three).
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import type { Gateway } from '../gateway/create-gateway.js'
import { errorResponse } from '../gateway/handle-request.js'
import type { GatewayResponse } from '../gateway/types.js'
import { toGatewayError } from '../ir/errors.js'
import { headerRecord } from '../util/header-record.js'
import { clientFormatOf } from './app.js'
import { createGatewayKeyCheck, type HeaderSource } from './auth.js'
import { inboundBody } from './inbound-body.js'
import { PROXY_ROUTES, type ProxyRoute } from './proxy-routes.js'
import { readNodeBodyText } from './read-body.js'
import { sendResponse } from './send-response.js'

function pathOf(url: string): string {
  const query = url.indexOf('?')
  return query === -1 ? url : url.slice(0, query)
}

function occurrences(rawHeaders: string[], name: string): number {
  let count = 0
  for (let i = 0; i < rawHeaders.length; i += 2) if (rawHeaders[i].length === name.length && rawHeaders[i].toLowerCase() === name) count++
  return count
}

/**
 * The request's headers as the key check reads them. Node keeps only the
 * first of repeated Authorization headers where h3 joins them: a repeated one
 * reads as absent here, so h3 decides (and answers) that request itself.
 */
function keyHeaders(req: IncomingMessage): HeaderSource {
  return {
    get: (name) => (name === 'authorization' && occurrences(req.rawHeaders, name) > 1 ? undefined : (req.headers[name] as string | undefined)),
  }
}

/**
 * Aborts when the client goes away before its response is complete (as h3's
 * request signal does). The gateway gets the controller too, so it needs no
 * second one to stop the request itself at shutdown.
 */
function clientAbort(req: IncomingMessage, res: ServerResponse): AbortController {
  const controller = new AbortController()
  res.once('close', () => {
    if (req.errored) controller.abort(req.errored)
    else if (!res.writableEnded) controller.abort()
  })
  return controller
}

async function serve(gateway: Gateway, route: ProxyRoute, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const controller = clientAbort(req, res)
  let response: GatewayResponse
  try {
    const body = await inboundBody(readNodeBodyText(req, gateway.config.server.bodyLimit))
    response = await gateway.handle({
      format: route.format,
      operation: route.operation,
      endpoint: route.endpoint,
      ...body,
      headers: headerRecord(req.headers),
      signal: controller.signal,
      controller,
      origin: 'server',
    })
  } catch (error) {
    // The gateway answers every failure itself; this is a bug's last stop, reported as h3 reports its unhandled errors.
    console.error(error)
    response = errorResponse(clientFormatOf(route.path, req.headers['anthropic-version'] !== undefined), toGatewayError(error))
  }
  try {
    sendResponse(res, response)
  } catch (error) {
    // Node refused the head (a header value it cannot send): a bare 500, or a cut connection once bytes went out.
    console.error('Failed to send response:', error)
    if (res.headersSent) res.destroy()
    else if (!res.writableEnded) {
      res.writeHead(500, '')
      res.end()
    }
  }
}

export function createFastLane(gateway: Gateway, fallback: RequestListener): RequestListener {
  const routes = new Map(PROXY_ROUTES.map((route) => [route.path, route]))
  const keyOk = createGatewayKeyCheck(gateway)
  return (req, res) => {
    const route = req.method === 'POST' ? routes.get(pathOf(req.url ?? '')) : undefined
    if (route === undefined || !keyOk(keyHeaders(req))) return fallback(req, res)
    void serve(gateway, route, req, res)
  }
}
