/**
 * The real CLI (`node bin/llm-gateway.js serve`) as a child process:
 * - SIGTERM/SIGINT stop accepting, let a stream in flight finish, flush the
 *   traffic log and exit 0; past `server.shutdownGraceMs` what still runs ends
 *   with an error event in its format; a second signal skips the wait.
 * - The config file is watched: a valid edit applies to new requests while a
 *   stream in flight finishes on the old config; an invalid edit is reported
 *   on stderr and the running config kept.
 * - Console output: the default bind is 127.0.0.1, binding elsewhere without
 *   server.apiKeys warns, and no key ever reaches stdout or stderr.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type CliRun, startCli } from '../cli/run-cli.js'
import buildCli from '../global-setup.js'
import { anthropic, openai, startFakeUpstream, type FakeUpstream } from '../support/fake-upstream.js'
import { type Client, post, requestBody, sleep, streamErrorOf } from './harness.js'

const KEY = 'sk-proj-LIFECYCLEsecretKey-7hG3kL9pQ2'
const QUERY_KEY = 'AIzaLIFECYCLEqueryKey-000111222333'

let fake: FakeUpstream
let dir: string
const running = new Set<CliRun>()

beforeAll(async () => {
  buildCli() // dist/ for the CLI (skipped when it is up to date)
  fake = await startFakeUpstream()
  dir = await mkdtemp(join(tmpdir(), 'llm-gateway-lifecycle-'))
}, 180_000)

afterEach(() => {
  for (const run of running) run.child.kill('SIGKILL')
  running.clear()
  fake.reset()
})

afterAll(async () => {
  await fake.close()
  await rm(dir, { recursive: true, force: true })
})

interface Served {
  run: CliRun
  url: string
  configFile: string
  logDir: string
  output(): string
}

let counter = 0
function configFor(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    routing: { retries: 0 },
    log: { dir: join(dir, `${name}-logs`) },
    providers: {
      up: { type: 'openai', baseURL: fake.baseURL('openai', '/one'), apiKey: KEY },
      ant: { type: 'anthropic', baseURL: fake.baseURL('anthropic'), apiKey: KEY },
      withquery: { type: 'openai', baseURL: `http://127.0.0.1:9/v1?key=${QUERY_KEY}` },
    },
    models: { chat: 'up/gpt-4o-mini' },
    ...extra,
  }
}

async function serve(config: Record<string, unknown>, args: string[] = []): Promise<Served> {
  const name = `gw${++counter}`
  const configFile = join(dir, `${name}.json`)
  await writeFile(configFile, JSON.stringify(config, null, 2))
  const run = startCli(['serve', '--config', configFile, '--port', '0', ...args], { cwd: dir })
  running.add(run)
  let stdout = ''
  let stderr = ''
  run.child.stdout!.on('data', (chunk: string) => (stdout += chunk))
  run.child.stderr!.on('data', (chunk: string) => (stderr += chunk))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${stdout}\n${stderr}`)), 15_000)
    const look = () => {
      // The banner colours the URL; strip ANSI codes before reading it.
      const match = /listening on (http:\/\/[^\s]+)/.exec(stdout.replace(/\x1b\[[0-9;]*m/g, ''))
      if (match) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    run.child.stdout!.on('data', look)
    run.child.once('exit', () => reject(new Error(`serve exited:\n${stdout}\n${stderr}`)))
  })
  return { run, url, configFile, logDir: (config.log as { dir: string }).dir, output: () => stdout + stderr }
}

async function logRecords(logDir: string): Promise<Array<Record<string, any>>> {
  const files = await readdir(logDir).catch(() => [] as string[])
  const text = (await Promise.all(files.map((f) => readFile(join(logDir, f), 'utf8')))).join('')
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))
}

/** Read a response body chunk by chunk; resolves with the whole text. */
async function readAll(response: Response, onFirst?: () => void): Promise<string> {
  const reader = response.body!.getReader()
  const decoder = new TextDecoder()
  let text = ''
  let first = true
  for (;;) {
    const { value, done } = await reader.read()
    if (done) return text
    text += decoder.decode(value, { stream: true })
    if (first) {
      first = false
      onFirst?.()
    }
  }
}

const WORDS = (n: number) => Array.from({ length: n }, (_, i) => `word${i + 1}`).join(' ')

async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !check(); await sleep(20)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
  }
}

describe('graceful shutdown', () => {
  it('SIGTERM: refuses new connections, lets the stream in flight finish, flushes the log, exits 0', async () => {
    const served = await serve(configFor('term'))
    fake.enqueue(openai.text(WORDS(10), { chunkDelayMs: 150 }))
    const response = await post(served.url, 'openai', requestBody('openai', 'chat', true))
    let signalledAt = 0
    const body = readAll(response, () => {
      signalledAt = Date.now()
      served.run.child.kill('SIGTERM')
    })
    await waitFor(() => signalledAt > 0, 'the first chunk')
    await sleep(150)
    await expect(fetch(`${served.url}/health`)).rejects.toThrow()

    const text = await body
    expect(text).toContain('word10')
    expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true)
    const { code, signal } = await served.run.done
    expect({ code, signal }).toEqual({ code: 0, signal: null })
    expect(served.output()).toMatch(/SIGTERM: finishing 1 request\(s\) in flight/)

    const records = await logRecords(served.logDir)
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({ status: 200, stream: true, provider: 'up' })
    expect(JSON.stringify(records[0].response)).toContain('word10')
  })

  for (const client of ['openai', 'anthropic'] as Client[]) {
    it(`SIGINT past the grace period: the ${client} stream ends with an in-stream error, exit 0 promptly`, async () => {
      const served = await serve(configFor(`grace-${client}`, { server: { shutdownGraceMs: 300 } }))
      fake.enqueue(openai.text(WORDS(40), { chunkDelayMs: 150 }))
      const response = await post(served.url, client, requestBody(client, 'chat', true))
      let signalledAt = 0
      const text = await readAll(response, () => {
        signalledAt = Date.now()
        served.run.child.kill('SIGINT')
      })
      expect(streamErrorOf(client, text)?.message).toMatch(/shutting down/)
      const { code } = await served.run.done
      expect(code).toBe(0)
      expect(Date.now() - signalledAt).toBeLessThan(3000)
      expect(text).not.toContain('word40')
      // The log says why the stream ended: the shutdown, not a client leaving.
      const records = await logRecords(served.logDir)
      expect(records).toHaveLength(1)
      expect(records[0].error.message).toMatch(/shutting down/)
      expect(records[0].cancelled).toBeUndefined()
    })
  }

  it('a second signal stops at once', async () => {
    const served = await serve(configFor('twice', { server: { shutdownGraceMs: 30_000 } }))
    fake.enqueue(openai.text(WORDS(60), { chunkDelayMs: 150 }))
    const response = await post(served.url, 'openai', requestBody('openai', 'chat', true))
    let signalledAt = 0
    const body = readAll(response, () => {
      signalledAt = Date.now()
      served.run.child.kill('SIGTERM')
    }).catch(() => '')
    await waitFor(() => signalledAt > 0, 'the first chunk')
    await sleep(300)
    served.run.child.kill('SIGTERM')
    const { code } = await served.run.done
    expect(code).toBe(0)
    expect(Date.now() - signalledAt).toBeLessThan(3000)
    await body
  })
})

describe('cancellation through serve', () => {
  it('a client leaving mid-stream aborts the upstream within 100 ms', async () => {
    const served = await serve(configFor('cancel'))
    fake.enqueue(openai.text(WORDS(20), { chunkDelayMs: 100 }))
    const controller = new AbortController()
    const response = await post(served.url, 'anthropic', requestBody('anthropic', 'chat', true), { signal: controller.signal })
    let abortedAt = 0
    await readAll(response, () => {
      abortedAt = Date.now()
      controller.abort()
    }).catch(() => undefined)
    const upstreamAbortedAt = await fake.waitForAbort(0, 2000)
    expect(upstreamAbortedAt - abortedAt).toBeLessThan(100)
    served.run.child.kill('SIGTERM')
    expect((await served.run.done).code).toBe(0)
    const [record] = await logRecords(served.logDir)
    expect(record).toMatchObject({ status: 499, cancelled: true })
  })
})

describe('config reload', () => {
  it('applies a valid edit to new requests, lets the stream in flight finish on the old config, keeps the config through invalid edits', async () => {
    const config = configFor('reload')
    const served = await serve(config)
    const stdoutHas = (pattern: RegExp) => pattern.test(served.output())

    // A stream in flight through /one ...
    fake.enqueue(openai.text(WORDS(12), { chunkDelayMs: 150 }))
    const inFlight = post(served.url, 'openai', requestBody('openai', 'chat', true)).then((r) => readAll(r))
    await fake.waitForRequest(1)

    // ... while the provider moves to /two.
    const moved = { ...config, providers: { ...(config.providers as object), up: { type: 'openai', baseURL: fake.baseURL('openai', '/two'), apiKey: KEY } } }
    await writeFile(served.configFile, JSON.stringify(moved, null, 2))
    await waitFor(() => stdoutHas(/config reloaded from .*: 3 providers/), 'the reload message')

    const after = await post(served.url, 'openai', requestBody('openai', 'chat', false, 'after the reload'))
    expect(after.status).toBe(200)
    expect(fake.requests.at(-1)?.prefix).toBe('/two')

    const streamed = await inFlight
    expect(streamed).toContain('word12')
    expect(streamed.trimEnd().endsWith('data: [DONE]')).toBe(true)
    expect(fake.requests[0].prefix).toBe('/one')

    // Broken JSON: reported, and the running config stays.
    await writeFile(served.configFile, '{ "providers": { "up": ')
    await waitFor(() => stdoutHas(/config reload failed, still serving the previous config: .*gw\d+\.json/), 'the JSON error')
    // A config that parses but is invalid: the message names the field.
    await writeFile(served.configFile, JSON.stringify({ ...moved, server: { bodyLimt: 5 } }))
    await waitFor(() => stdoutHas(/config reload failed.*server\.bodyLimt: unknown field/), 'the validation error')
    const still = await post(served.url, 'openai', requestBody('openai', 'chat', false, 'still serving'))
    expect(still.status).toBe(200)
    expect(fake.requests.at(-1)?.prefix).toBe('/two')

    // A valid edit after invalid ones applies again: a new alias.
    await writeFile(served.configFile, JSON.stringify({ ...moved, models: { chat: 'up/gpt-4o-mini', claude: 'ant/claude-sonnet-4-5' } }))
    await waitFor(() => stdoutHas(/2 model entries/), 'the second reload')
    const viaAlias = await post(served.url, 'anthropic', requestBody('anthropic', 'claude', false))
    expect(viaAlias.status).toBe(200)

    served.run.child.kill('SIGTERM')
    expect((await served.run.done).code).toBe(0)
    expect(served.output()).not.toContain(KEY)
  })
})

describe('console output', () => {
  it('binds 127.0.0.1 by default, with no warning and no key printed', async () => {
    const served = await serve(configFor('bind'))
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    // Failures print nothing that holds a key either.
    fake.enqueue((req) => ({ error: 401, body: { error: { message: `Incorrect API key provided: ${req.headers.authorization}` } } }))
    await post(served.url, 'openai', requestBody('openai', 'chat', false))
    await post(served.url, 'openai', requestBody('openai', 'withquery/gpt-4o', false))
    served.run.child.kill('SIGTERM')
    await served.run.done
    const output = served.output()
    expect(output).not.toMatch(/warning/)
    expect(output).toContain('http://127.0.0.1:9/v1')
    expect(output).not.toContain(KEY)
    expect(output).not.toContain(QUERY_KEY)
    expect(output).not.toContain('LIFECYCLE')
  })

  it('warns when bound beyond loopback without server.apiKeys, and not with them', async () => {
    const open = await serve(configFor('open'), ['--host', '0.0.0.0'])
    await waitFor(() => /warning: listening on 0\.0\.0\.0 without server\.apiKeys/.test(open.output()), 'the warning')
    open.run.child.kill('SIGTERM')
    await open.run.done

    const guarded = await serve(configFor('guarded', { server: { apiKeys: ['gw-lifecycle-key-1234'] } }), ['--host', '0.0.0.0'])
    const health = await fetch(`${guarded.url.replace('0.0.0.0', '127.0.0.1')}/health`)
    expect(health.status).toBe(200)
    guarded.run.child.kill('SIGTERM')
    await guarded.run.done
    expect(guarded.output()).not.toMatch(/warning/)
    expect(guarded.output()).not.toContain('gw-lifecycle-key-1234')
  })

  it('an oversized chunked upload does not take the process down', async () => {
    const served = await serve(configFor('upload', { server: { bodyLimit: 2048 } }))
    const piece = new TextEncoder().encode(JSON.stringify(requestBody('anthropic', 'ant/claude-sonnet-4-5', false, 'x'.repeat(4096))))
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < piece.length; i += 512) controller.enqueue(piece.subarray(i, i + 512))
        controller.close()
      },
    })
    const response = await post(served.url, 'anthropic', body, { duplex: 'half' } as RequestInit)
    expect(response.status).toBe(413)
    await sleep(100)
    expect((await fetch(`${served.url}/health`)).status).toBe(200)
    expect(served.run.child.exitCode).toBeNull()
    served.run.child.kill('SIGTERM')
    expect((await served.run.done).code).toBe(0)
  })
})
