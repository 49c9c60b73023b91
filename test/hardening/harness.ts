/**
 * Shared rig for the hardening suite: one fake upstream posing as an OpenAI and
 * an Anthropic provider, a gateway in front of it with providers for each kind
 * of fault (refused port, unresolvable host, a TLS port that never handshakes,
 * tight timeouts), and small helpers to speak each client format over raw HTTP.
 */
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import { closedPort } from '../support/closed-port.js'
import { startFakeUpstream, type FakeUpstream, type ReplyFn, type SseReply } from '../support/fake-upstream.js'
import { startGateway, type TestGateway } from '../support/start-gateway.js'

/** Provider keys the gateway holds: no response, log line or message may contain them. */
export const SECRETS = {
  openai: 'sk-proj-HARDENING0penaiKey7Qx81zzT3BlbkFJ',
  anthropic: 'sk-ant-api03-HARDENINGanthropicKey-9xQ2AA',
  inUrl: 'AIzaHARDENINGkeyInTheQueryString0000',
}

export const TIGHT = { connectMs: 300, firstByteMs: 400, idleMs: 400 }

export interface Rig {
  fake: FakeUpstream
  gw: TestGateway
  /** A TCP port nothing listens on. */
  refusedPort: number
  /** A TCP server that accepts and then says nothing (TLS never completes). */
  silent: TcpServer
  close(): Promise<void>
}


async function silentServer(): Promise<TcpServer> {
  const sockets = new Set<Socket>()
  const server = createTcpServer((socket) => {
    sockets.add(socket)
    socket.on('error', () => undefined)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const close = server.close.bind(server)
  server.close = ((cb?: (err?: Error) => void) => {
    for (const s of sockets) s.destroy()
    return close(cb)
  }) as typeof server.close
  return server
}

export async function startRig(extra: { server?: Record<string, unknown>; routing?: Record<string, unknown> } = {}): Promise<Rig> {
  const fake = await startFakeUpstream()
  const refusedPort = await closedPort()
  const silent = await silentServer()
  const silentPort = (silent.address() as AddressInfo).port
  const gw = await startGateway({
    server: { ...extra.server },
    // One attempt per request, so each fault is seen as it is (routing has its own suite).
    routing: { retries: 0, ...extra.routing },
    providers: {
      mock: { type: 'mock' },
      oa: { type: 'openai', baseURL: fake.baseURL('openai'), apiKey: SECRETS.openai, timeouts: TIGHT },
      an: { type: 'anthropic', baseURL: fake.baseURL('anthropic'), apiKey: SECRETS.anthropic, timeouts: TIGHT },
      refused: { type: 'openai', baseURL: `http://127.0.0.1:${refusedPort}/v1`, apiKey: SECRETS.openai },
      refusedan: { type: 'anthropic', baseURL: `http://127.0.0.1:${refusedPort}`, apiKey: SECRETS.anthropic },
      nowhere: { type: 'openai', baseURL: 'http://llm-upstream.invalid/v1', apiKey: SECRETS.openai },
      // A key in the query string, as some proxies want it: the host may be named, never the query.
      keyinurl: { type: 'openai', baseURL: `http://127.0.0.1:${refusedPort}/v1?key=${SECRETS.inUrl}`, apiKey: SECRETS.openai },
      silent: { type: 'openai', baseURL: `https://127.0.0.1:${silentPort}/v1`, apiKey: SECRETS.openai, timeouts: TIGHT },
    },
  })
  return {
    fake,
    gw,
    refusedPort,
    silent,
    async close() {
      await gw.close()
      await fake.close()
      await new Promise<void>((resolve) => silent.close(() => resolve()))
    },
  }
}

export type Client = 'openai' | 'anthropic'

export const ENDPOINT: Record<Client, string> = { openai: '/v1/chat/completions', anthropic: '/v1/messages' }

/** A minimal valid request body in the client's format. */
export function requestBody(client: Client, model: string, stream: boolean, text = 'hello there'): Record<string, unknown> {
  return client === 'openai'
    ? { model, stream, messages: [{ role: 'user', content: text }] }
    : { model, stream, max_tokens: 256, messages: [{ role: 'user', content: text }] }
}

export function headersFor(client: Client): Record<string, string> {
  return client === 'openai' ? { 'content-type': 'application/json' } : { 'content-type': 'application/json', 'anthropic-version': '2023-06-01' }
}

export function post(url: string, client: Client, body: unknown, init: RequestInit = {}): Promise<Response> {
  return fetch(`${url}${ENDPOINT[client]}`, {
    method: 'POST',
    headers: headersFor(client),
    body: typeof body === 'string' || body instanceof ReadableStream ? body : JSON.stringify(body),
    ...init,
  })
}

/** Fetch and read the whole body, whatever the status (stream bodies included). */
export async function call(url: string, client: Client, body: unknown): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await post(url, client, body)
  return { status: response.status, text: await response.text(), headers: response.headers }
}

/** The error a client would see in a complete (non-stream) error body, checked against its envelope. */
export function errorOf(client: Client, text: string): { type: string; message: string; param?: string | null } {
  const json = JSON.parse(text) as any
  if (client === 'openai') return json.error
  if (json.type !== 'error') throw new Error(`not an Anthropic error envelope: ${text}`)
  return json.error
}

/** The in-stream error event at the end of a streamed body, in the client's format, or undefined. */
export function streamErrorOf(client: Client, text: string): { type: string; message: string } | undefined {
  const frames = text.trim().split(/\n\n+/)
  const last = frames.at(-1) ?? ''
  if (client === 'openai') {
    const data = last.match(/^data: (.*)$/m)?.[1]
    if (!data || data === '[DONE]') return undefined
    try {
      return (JSON.parse(data) as any).error
    } catch {
      return undefined
    }
  }
  if (!/^event: error$/m.test(last)) return undefined
  return (JSON.parse(last.match(/^data: (.*)$/m)![1]) as any).error
}

/** A streamed builder reply cut to its first `keep` items (no terminal event), ending normally. */
export function withoutTerminal(builder: ReplyFn, keep: (items: number) => number): ReplyFn {
  return async (req, ctx) => {
    const reply = (await builder(req, ctx)) as SseReply
    return { ...reply, sse: reply.sse.slice(0, keep(reply.sse.length)) }
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
