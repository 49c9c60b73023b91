/**
 * Serves the gateway with listhen, bound explicitly (listhen's defaults would
 * expose it on every interface inside containers). Port 0 asks for a free port.
 * Closing is graceful (see graceful-close.ts) rather than listhen's, whose
 * shutdown hook has no deadline and throws (taking the process down) when a
 * response finishes after its request's socket was detached.
 */
import type { Server } from 'node:http'
import { toNodeHandler } from 'h3/node'
import { listen } from 'listhen'
import type { Gateway } from '../gateway/create-gateway.js'
import { createApp } from './app.js'
import { createFastLane } from './fast-lane.js'
import { type CloseOptions, type CloseResult, makeGraceful } from './graceful-close.js'

export interface RunningServer {
  url: string
  server: Server
  /** Requests in flight. */
  active(): number
  /** Stop accepting, let in-flight requests finish (10 s by default), then cut the rest. */
  close(options?: CloseOptions): Promise<CloseResult>
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1'])

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith('127.')
}

export async function startServer(gateway: Gateway, options: { host: string; port: number }): Promise<RunningServer> {
  // The hot routes are answered in the fast lane; the h3 app serves everything else.
  const handler = createFastLane(gateway, toNodeHandler(createApp(gateway)))
  const listener = await listen(handler, {
    hostname: options.host,
    port: options.port === 0 ? { random: true } : { port: options.port, random: false, ports: [], alternativePortRange: [options.port, options.port] },
    public: !isLoopback(options.host),
    showURL: false,
    qr: false,
    isProd: true,
    autoClose: false,
  })
  const url = listener.url.replace(/\/$/, '')
  const server = listener.server as Server
  for (const listener of server.listeners('request')) if (listener !== handler) server.off('request', listener as () => void)
  const graceful = makeGraceful(server)
  return { url, server, active: graceful.active, close: graceful.close }
}
