/**
 * Serves the gateway with listhen, bound explicitly (listhen's defaults would
 * expose it on every interface inside containers). Port 0 asks for a free port.
 */
import type { Server } from 'node:http'
import { toNodeHandler } from 'h3/node'
import { listen } from 'listhen'
import type { Gateway } from '../gateway/create-gateway.js'
import { createApp } from './app.js'

export interface RunningServer {
  url: string
  server: Server
  close(): Promise<void>
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1'])

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith('127.')
}

export async function startServer(gateway: Gateway, options: { host: string; port: number }): Promise<RunningServer> {
  const app = createApp(gateway)
  const listener = await listen(toNodeHandler(app), {
    hostname: options.host,
    port: options.port === 0 ? { random: true } : { port: options.port, random: false, ports: [], alternativePortRange: [options.port, options.port] },
    public: !isLoopback(options.host),
    showURL: false,
    qr: false,
    isProd: true,
    autoClose: false,
  })
  const url = listener.url.replace(/\/$/, '')
  return { url, server: listener.server as Server, close: () => listener.close() }
}
