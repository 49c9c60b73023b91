/**
 * Secrets: provider keys never reach a client, the traffic log on disk, an
 * error message or a stack trace, even when an upstream echoes the key back
 * or a key sits in a base URL; /health shows no credentials; gateway keys are
 * compared in constant time; the server binds 127.0.0.1 by default. (The
 * console side — serve's banner and its warning — is in lifecycle.test.ts.)
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { interpolateEnv } from '../../src/config/interpolate-env.js'
import { validateConfig } from '../../src/config/validate.js'
import { createGateway, type Gateway } from '../../src/gateway/create-gateway.js'
import { createRecorder } from '../../src/log/create-recorder.js'
import { createProvider } from '../../src/providers/create-provider.js'
import { startServer, type RunningServer } from '../../src/server/start-server.js'
import { closedPort } from '../support/closed-port.js'
import { startFakeUpstream, type FakeUpstream } from '../support/fake-upstream.js'
import { type Client, call, requestBody } from './harness.js'

const KEYS = {
  openai: 'sk-proj-SECRETopenai-4fJ9xQ2mZp7wLr0vBn8sKd3T',
  openaiSpare: 'sk-proj-SECRETspare-9aK2vN5cX8zQ1wE4rT7yU0iO',
  anthropic: 'sk-ant-api03-SECRETanthropic-Qm4nB7vC1xZ9',
  azure: 'SECRETazureHeaderKey0123456789abcdef',
  query: 'AIzaSECRETqueryKey-0123456789abcdefghij',
  userinfo: 'SECRETuserinfoPassw0rd',
  gateway: 'gw-SECRET-gateway-key-000111222',
}
const ALL = Object.values(KEYS)

function expectClean(text: string, where: string): void {
  for (const secret of ALL) expect(text, `${where} contains a secret`).not.toContain(secret)
  // Nor a recognisable part of one (every test key has SECRET in it).
  expect(text, `${where} contains part of a secret`).not.toContain('SECRET')
}

let fake: FakeUpstream
let gateway: Gateway
let server: RunningServer
let logDir: string
let refusedURL: string

beforeAll(async () => {
  fake = await startFakeUpstream()
  logDir = await mkdtemp(join(tmpdir(), 'llm-gateway-secrets-'))
  const port = await closedPort()
  refusedURL = `http://127.0.0.1:${port}`

  const env = { ...process.env, TEST_OPENAI_KEY: KEYS.openai }
  const raw = {
    server: { apiKeys: [KEYS.gateway] },
    routing: { retries: 0 },
    log: { dir: logDir, bodies: true },
    providers: {
      oa: { type: 'openai', baseURL: fake.baseURL('openai'), apiKey: '${TEST_OPENAI_KEY}', apiKeys: [KEYS.openaiSpare] },
      an: { type: 'anthropic', baseURL: fake.baseURL('anthropic'), apiKey: KEYS.anthropic },
      azure: { type: 'openai', baseURL: fake.baseURL('openai', '/azure'), headers: { 'api-key': KEYS.azure } },
      query: { type: 'openai', baseURL: `${refusedURL}/v1?key=${KEYS.query}`, apiKey: KEYS.openai },
      userinfo: { type: 'openai', baseURL: `http://admin:${KEYS.userinfo}@127.0.0.1:${port}/v1`, apiKey: KEYS.openai },
    },
  }
  const missing: Parameters<typeof interpolateEnv>[2] = []
  const config = validateConfig(interpolateEnv(raw, env, missing), { file: 'secrets-test', missing, env })
  // The real recorder `serve` uses: the file on disk is what must be clean.
  gateway = createGateway(config, { recorder: createRecorder(config, { flushIntervalMs: 10 }) })
  server = await startServer(gateway, { host: '127.0.0.1', port: 0 })
})

afterAll(async () => {
  await server.close()
  await gateway.close()
  await fake.close()
  await rm(logDir, { recursive: true, force: true })
})

const auth = { authorization: `Bearer ${KEYS.gateway}` }

async function send(client: Client, model: string, stream = false): Promise<{ status: number; text: string }> {
  const response = await fetch(`${server.url}${client === 'openai' ? '/v1/chat/completions' : '/v1/messages'}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth, ...(client === 'anthropic' ? { 'anthropic-version': '2023-06-01' } : {}) },
    body: JSON.stringify(requestBody(client, model, stream)),
  })
  return { status: response.status, text: await response.text() }
}

/** An upstream that puts the credentials it received into its error message (some do). */
const echoKey = (status: number) => (req: { headers: Record<string, string> }) => ({
  error: status,
  body: { error: { message: `Invalid credentials: ${req.headers.authorization ?? req.headers['x-api-key'] ?? req.headers['api-key']}`, type: 'invalid_request_error', param: null, code: 'invalid_api_key' } },
})
const echoKeyAnthropic = (req: { headers: Record<string, string> }) => ({
  error: 401,
  body: { type: 'error', error: { type: 'authentication_error', message: `invalid x-api-key: ${req.headers['x-api-key']}` } },
})

describe('provider keys never reach the client or the log', () => {
  it('the keys do go upstream (so the tests below mean something)', async () => {
    expect((await send('openai', 'oa/gpt-4o-mini')).status).toBe(200)
    expect(fake.requests.at(-1)?.headers.authorization).toMatch(/^Bearer sk-proj-SECRET/)
    expect((await send('anthropic', 'an/claude-sonnet-4-5')).status).toBe(200)
    expect(fake.requests.at(-1)?.headers['x-api-key']).toBe(KEYS.anthropic)
    expect((await send('openai', 'azure/gpt-4o')).status).toBe(200)
    expect(fake.requests.at(-1)?.headers['api-key']).toBe(KEYS.azure)
  })

  const cases: Array<[string, Client, string, (() => void) | null]> = [
    ['an upstream 401 that echoes the key (passthrough)', 'openai', 'oa/gpt-4o-mini', () => fake.enqueue(echoKey(401))],
    ['an upstream 401 that echoes the key (translated)', 'anthropic', 'oa/gpt-4o-mini', () => fake.enqueue(echoKey(401))],
    ['an Anthropic 401 that echoes x-api-key (passthrough)', 'anthropic', 'an/claude-sonnet-4-5', () => fake.enqueue(echoKeyAnthropic)],
    ['an Anthropic 401 that echoes x-api-key (translated)', 'openai', 'an/claude-sonnet-4-5', () => fake.enqueue(echoKeyAnthropic)],
    ['a custom auth header echoed in a 403', 'openai', 'azure/gpt-4o', () => fake.enqueue(echoKey(403))],
    ['a 200 carrying an error that echoes the key', 'openai', 'oa/gpt-4o-mini', () => fake.enqueue((req) => ({ status: 200, json: { error: { message: `bad key ${req.headers.authorization}` } } }))],
    ['a key in the base URL query, connection refused', 'openai', 'query/gpt-4o', null],
    ['a password in the base URL, connection refused', 'anthropic', 'userinfo/gpt-4o', null],
  ]
  for (const stream of [false, true]) {
    it.each(cases)(`%s (${stream ? 'stream' : 'non-stream'})`, async (_name, client, model, arrange) => {
      arrange?.()
      const { status, text } = await send(client, model, stream)
      expect(status).toBeGreaterThanOrEqual(400)
      expectClean(text, 'the response')
    })
  }

  it('the traffic log on disk holds none of them', async () => {
    await gateway.runtime.recorder.flush?.()
    const files = await readdir(logDir)
    expect(files.length).toBeGreaterThan(0)
    const text = (await Promise.all(files.map((f) => readFile(join(logDir, f), 'utf8')))).join('')
    expect(text.split('\n').filter(Boolean).length).toBeGreaterThanOrEqual(19)
    expectClean(text, 'the traffic log')
  })

  it('/health names hosts, never credentials or query strings', async () => {
    const text = await (await fetch(`${server.url}/health`)).text()
    expect(JSON.parse(text).providers.map((p: { baseURL: string }) => p.baseURL)).toContain(`${refusedURL}/v1`)
    expectClean(text, '/health')
  })
})

describe('errors and stack traces carry no keys', () => {
  const base = { type: 'openai', headers: {}, models: [], quirks: {}, apiKeys: [], timeouts: { connectMs: 300, firstByteMs: 300, idleMs: 300 } } as const
  const providers: Array<[string, Record<string, unknown>]> = [
    ['a key in the query string', { baseURL: `http://127.0.0.1:1/v1?key=${KEYS.query}` }],
    ['a password in the URL', { baseURL: `http://admin:${KEYS.userinfo}@127.0.0.1:1/v1` }],
    ['an unresolvable host with a key in the query', { baseURL: `http://nowhere.invalid/v1?api_key=${KEYS.query}` }],
    ['a malformed URL with a key in it', { baseURL: `http//broken${KEYS.query}:x/v1` }],
  ]
  it.each(providers)('%s', async (_name, extra) => {
    const provider = createProvider({ ...base, name: 'p', apiKey: KEYS.openai, ...extra } as never)
    const ir = { model: 'm', messages: [{ role: 'user', parts: [{ type: 'text', text: 'hi' }] }], stream: false } as never
    const error = (await provider.generate(ir, { model: 'm', clientHeaders: {}, signal: new AbortController().signal }).catch((e: unknown) => e)) as Error & { cause?: Error }
    expect(error).toBeInstanceOf(Error)
    // Everything a log line, a crash report or LLM_GATEWAY_DEBUG could print.
    const printed = [error.message, error.stack, String(error), error.cause?.message, error.cause?.stack].join('\n')
    expectClean(printed, 'the error')
    await provider.close?.()
  })

  it('a config error about a bad base URL does not print the key in it', () => {
    const raw = { providers: { p: { type: 'openai', baseURL: `api.example.com/v1?key=${KEYS.query}` } } }
    expect(() => validateConfig(raw, { file: 'cfg.json', missing: [], env: {} })).toThrow(/baseURL/)
    try {
      validateConfig(raw, { file: 'cfg.json', missing: [], env: {} })
    } catch (error) {
      expectClean(`${(error as Error).message}\n${(error as Error).stack}`, 'the config error')
    }
  })
})

describe('gateway keys', () => {
  it('are compared in constant time: every configured key, through timingSafeEqual on equal-length digests', async () => {
    vi.resetModules()
    const calls: Array<[number, number]> = []
    vi.doMock('node:crypto', async (importOriginal) => {
      const crypto = await importOriginal<typeof import('node:crypto')>()
      return {
        ...crypto,
        timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
          calls.push([a.byteLength, b.byteLength])
          return crypto.timingSafeEqual(a, b)
        },
      }
    })
    const { createKeyCheck } = await import('../../src/server/auth.js')
    vi.doUnmock('node:crypto')
    const check = createKeyCheck(['key-one', 'a-much-longer-second-key-0123456789', 'k3'])
    const cases: Array<[Record<string, string>, boolean]> = [
      [{ authorization: 'Bearer key-one' }, true],
      [{ authorization: 'bearer   a-much-longer-second-key-0123456789 ' }, true],
      [{ 'x-api-key': 'k3' }, true],
      [{ authorization: 'Bearer key-on' }, false], // a prefix
      [{ authorization: 'Bearer key-one-and-more' }, false], // an extension
      [{ 'x-api-key': '' }, false],
      [{ authorization: 'Basic key-one' }, false],
      [{}, false],
    ]
    for (const [headers, expected] of cases) {
      calls.length = 0
      expect(check(new Headers(headers)), JSON.stringify(headers)).toBe(expected)
      const presented = Object.values(headers).filter((v) => v.trim() !== '' && !v.startsWith('Basic')).length
      // No early exit on a match or a mismatch: every key is compared, and always as 32-byte digests.
      expect(calls.length).toBe(presented * 3)
      for (const [a, b] of calls) expect([a, b]).toEqual([32, 32])
    }
  })

  it('a wrong gateway key is a 401 that does not echo it', async () => {
    const { status, text } = await call(server.url, 'openai', requestBody('openai', 'oa/gpt-4o-mini', false))
    expect(status).toBe(401)
    const wrong = await fetch(`${server.url}/v1/models`, { headers: { authorization: `Bearer ${KEYS.gateway}x` } })
    expect(wrong.status).toBe(401)
    expectClean(text + (await wrong.text()), 'the 401')
  })
})

describe('binding', () => {
  it('defaults to 127.0.0.1', async () => {
    const config = validateConfig({ providers: { mock: { type: 'mock' } } }, { file: 'x', missing: [], env: {} })
    expect(config.server.host).toBe('127.0.0.1')
    const local = createGateway(config)
    const running = await startServer(local, { host: config.server.host, port: 0 })
    try {
      expect((running.server.address() as AddressInfo).address).toBe('127.0.0.1')
    } finally {
      await running.close()
      await local.close()
    }
  })
})
