/**
 * Starts a real gateway HTTP server on 127.0.0.1 (random port) from a raw config
 * object, the way `serve` does, with an in-memory recorder so tests can read
 * the traffic-log records.
 */
import { validateConfig } from '../../src/config/validate.js'
import { interpolateEnv } from '../../src/config/interpolate-env.js'
import { createGateway, type Gateway, type GatewayOptions } from '../../src/gateway/create-gateway.js'
import type { LogRecord, Recorder } from '../../src/log/record.js'
import { startServer } from '../../src/server/start-server.js'

export interface TestGateway {
  url: string
  gateway: Gateway
  records: LogRecord[]
  /** Resolves when `count` records have been written (records are written asynchronously). */
  waitForRecords(count: number, timeoutMs?: number): Promise<LogRecord[]>
  close(): Promise<void>
}

export function memoryRecorder(): Recorder & { records: LogRecord[] } {
  const records: LogRecord[] = []
  return { records, record: (r) => void records.push(r) }
}

export async function startGateway(raw: Record<string, unknown>, options: GatewayOptions = {}, env: NodeJS.ProcessEnv = process.env): Promise<TestGateway> {
  const missing: Parameters<typeof interpolateEnv>[2] = []
  const config = validateConfig(interpolateEnv(raw, env, missing), { file: 'test-config', missing, env })
  const recorder = memoryRecorder()
  const gateway = createGateway(config, { recorder, ...options })
  const server = await startServer(gateway, { host: '127.0.0.1', port: 0 })
  return {
    url: server.url,
    gateway,
    records: recorder.records,
    async waitForRecords(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs
      while (recorder.records.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} log records, got ${recorder.records.length}`)
        await new Promise((r) => setTimeout(r, 10))
      }
      return recorder.records
    },
    async close() {
      await server.close()
      await gateway.close()
    },
  }
}
