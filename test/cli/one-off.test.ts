/**
 * `llm-gateway chat` and `llm-gateway messages` end to end: the built CLI as a
 * child process, in-process gateway, against the mock provider and the fake
 * upstream (OpenAI- and Anthropic-type providers), plus `--url` against a
 * running gateway. Checks output streams, exit codes and the traffic log.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { LogRecord } from '../../src/log/record.js'
import { anthropic, type FakeUpstream, openai, startFakeUpstream } from '../support/fake-upstream.js'
import { closedPort } from '../support/closed-port.js'
import { startGateway, type TestGateway } from '../support/start-gateway.js'
import { runCli, startCli } from './run-cli.js'

/** A 1x1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')
const ANSI = /\x1b\[/

let fake: FakeUpstream
let work: string
let logDir: string

const cli = (args: string[], stdin?: string, env: Record<string, string | undefined> = {}) =>
  runCli(args, { cwd: work, stdin, env: { LLM_GATEWAY_LOG_DIR: logDir, ...env } })

function logRecords(): LogRecord[] {
  return readdirSync(logDir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(join(logDir, f), 'utf8').split('\n').filter(Boolean))
    .map((line) => JSON.parse(line) as LogRecord)
}


const footerId = (stderr: string) => /\b(gw_[0-9a-z]+)\s*$/.exec(stderr.trim())?.[1]

beforeAll(async () => {
  fake = await startFakeUpstream({ apiKey: 'sk-test-upstream' })
  work = mkdtempSync(join(tmpdir(), 'llm-gateway-cli-'))
  logDir = join(work, 'logs')
  const config = {
    providers: {
      mock: { type: 'mock' },
      up: { type: 'openai', baseURL: fake.baseURL('openai'), apiKey: 'sk-test-upstream' },
      ant: { type: 'anthropic', baseURL: fake.baseURL('anthropic'), apiKey: 'sk-test-upstream' },
    },
    models: {
      default: 'mock/echo',
      fast: 'up/gpt-4o-mini',
      smart: 'ant/claude-sonnet-4-5-20250929',
      // Known to no catalogue: priced by the config alone ($1 per input token, to be visible).
      'up/house-model': { pricing: { input: 1_000_000, output: 0 } },
    },
    routing: { retries: 0 },
  }
  writeFileSync(join(work, 'gateway.config.json'), JSON.stringify(config))
  writeFileSync(join(work, 'pixel.png'), PNG)
  writeFileSync(join(work, 'notes.txt'), 'not an image')
  writeFileSync(join(work, 'broken.json'), '{"providers": {"x": {"type": "nope"}}}')
})
afterAll(async () => {
  await fake?.close()
  rmSync(work, { recursive: true, force: true })
})
// The mock and usage-error cases share no state, so their child processes run side by side.
describe.concurrent('chat and messages with the mock provider', () => {
  it('streams the answer to stdout and a footer to stderr, with the default model; no colours when piped', async () => {
    const result = await cli(['chat', 'hello from the shell'])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('hello from the shell\n')
    expect(result.stderr).toMatch(/^default -> mock\/echo · \d+ in \/ \d+ out · \$0 · \d+(ms|\.\d\ds) · gw_[0-9a-z]+\n$/)
    expect(result.stderr).not.toMatch(ANSI)
  })

  it('takes the prompt from stdin, or the argument then a blank line then stdin', async () => {
    const piped = await cli(['chat', '-q'], 'just stdin\n')
    expect(piped).toMatchObject({ code: 0, stdout: 'just stdin\n', stderr: '' })
    const both = await cli(['messages', '-q', 'summarise this'], '# notes\nline two\n')
    expect(both).toMatchObject({ code: 0, stdout: 'summarise this\n\n# notes\nline two\n' })
  })

  it('shows reasoning on stderr (not stdout), and hides it with --no-reasoning', async () => {
    const chat = await cli(['chat', '--reasoning-effort', 'low', '-q', 'think first'])
    expect(chat.code).toBe(0)
    expect(chat.stdout).toBe('think first\n')
    expect(chat.stderr).toMatch(/^The user wrote 11 characters; I will echo them\.\n$/)
    const messages = await cli(['messages', '--thinking', '1024', 'think first'])
    expect(messages.stdout).toBe('think first\n')
    expect(messages.stderr).toMatch(/^The user wrote 11 characters; I will echo them\.\ndefault -> mock\/echo · /)
    const hidden = await cli(['messages', '--thinking', '1024', '--no-reasoning', '-q', 'think first'])
    expect(hidden).toMatchObject({ code: 0, stdout: 'think first\n', stderr: '' })
  })

  it('--json prints the final response in each format', async () => {
    const chat = await cli(['chat', '--json', '-q', '--reasoning-effort', 'high', 'as json'])
    expect(chat.code).toBe(0)
    const completion = JSON.parse(chat.stdout)
    expect(completion).toMatchObject({ object: 'chat.completion', model: 'echo', choices: [{ message: { role: 'assistant', content: 'as json' } }] })
    expect(completion.choices[0].message.reasoning_content).toContain('The user wrote')
    expect(chat.stderr).toBe('')

    const messages = await cli(['messages', '--json', '--thinking', '2048', 'as json'])
    const message = JSON.parse(messages.stdout)
    expect(message).toMatchObject({ type: 'message', role: 'assistant', stop_reason: 'end_turn' })
    expect(message.content.map((block: { type: string }) => block.type)).toEqual(['thinking', 'text'])
    expect(message.content[1].text).toBe('as json')
    expect(messages.stderr).toMatch(/^default -> mock\/echo · /)
  })

  it('writes the call to the traffic log, marked as coming from the CLI', async () => {
    const result = await cli(['messages', '-m', 'mock/echo', '-s', 'be brief', 'log me'])
    const id = footerId(result.stderr)
    expect(id).toBeDefined()
    const record = logRecords().find((r) => r.id === id)
    expect(record).toMatchObject({
      origin: 'cli',
      format: 'anthropic',
      endpoint: '/v1/messages',
      model: 'mock/echo',
      provider: 'mock',
      providerModel: 'echo',
      stream: true,
      status: 200,
      costUsd: 0,
      request: { system: 'be brief', max_tokens: 4096, messages: [{ role: 'user', content: 'log me' }] },
    })
    expect(record?.client).toMatch(/^llm-gateway-cli\//)
  })
})

describe.concurrent('exit codes without an upstream', () => {
  it.each([
    ['no prompt at all', ['chat'], /no prompt: give one as an argument or on stdin/],
    ['an unknown flag', ['chat', '--bogus', 'hi'], /unknown option '--bogus'/],
    ['a bad number', ['chat', '--max-tokens', 'many', 'hi'], /--max-tokens expects a positive integer/],
    ['a bad reasoning effort', ['chat', '--reasoning-effort', 'extreme', 'hi'], /Allowed choices are none, minimal/],
    ['a thinking budget over max tokens', ['messages', '--thinking', '2048', '--max-tokens', '1024', 'hi'], /--max-tokens \(1024\) must be larger than the --thinking budget/],
    ['a missing config file', ['chat', '--config', 'missing.json', 'hi'], /config error: missing.json: file not found/],
    ['an invalid config', ['chat', '--config', 'broken.json', 'hi'], /config error: broken.json/],
    ['a missing attachment', ['chat', '-a', 'nope.png', 'hi'], /-a nope.png: no such file/],
    ['an attachment that is not an image', ['messages', '-a', 'notes.txt', 'hi'], /-a notes.txt: not a png, jpeg, webp or gif image/],
    ['--url without -m', ['chat', '--url', 'http://127.0.0.1:4000', 'hi'], /--url needs -m MODEL/],
    ['a --url that is not one', ['chat', '--url', 'localhost:4000', '-m', 'x', 'hi'], /--url expects an http:\/\/ or https:\/\/ URL/],
  ])('exits 2 for %s', async (_name, args, message) => {
    const result = await cli(args)
    expect(result.stderr).toMatch(message)
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
  })

  it('exits 1 for an unknown model, with the gateway\'s message', async () => {
    const result = await cli(['chat', '-m', 'nope', 'hi'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^llm-gateway: error: 404 The model `nope` is not routable by this gateway/)
  })
})

describe('through providers on the fake upstream', () => {
  beforeEach(() => fake.reset())

  it('exits 1 for an upstream 500, in both formats; --json also prints the error body', async () => {
    fake.alwaysReply(openai.error(500, { message: 'The server had an error while processing your request.' }), { provider: 'openai' })
    fake.alwaysReply(anthropic.error(500, 'api_error', 'Internal server error'), { provider: 'anthropic' })
    const chat = await cli(['chat', '-m', 'fast', 'hi'])
    expect(chat.code).toBe(1)
    expect(chat.stderr).toBe('llm-gateway: error: 500 The server had an error while processing your request.\n')
    const messages = await cli(['messages', '-m', 'smart', '--json', 'hi'])
    expect(messages.code).toBe(1)
    expect(messages.stderr).toBe('llm-gateway: error: 500 Internal server error\n')
    expect(JSON.parse(messages.stdout)).toMatchObject({ type: 'error', error: { type: 'api_error', message: 'Internal server error' } })
  })

  it('exits 1 when the stream breaks with an error, after printing what arrived', async () => {
    fake.enqueue(openai.streamError(3, { message: 'stream interrupted upstream', text: 'partial answer that never ends' }))
    const result = await cli(['chat', '-m', 'fast', 'hi'])
    expect(result.code).toBe(1)
    expect(result.stdout.length).toBeGreaterThan(0)
    expect(result.stdout.endsWith('\n')).toBe(true)
    expect(result.stderr).toMatch(/llm-gateway: error: \d{3} stream interrupted upstream/)
  })

  it('-m with an alias reaches its provider model; the footer shows the route', async () => {
    const result = await cli(['chat', '-m', 'fast', '--temperature', '0.2', '--max-tokens', '50', 'hello upstream'])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('You said: hello upstream\n')
    expect(result.stderr).toMatch(/^fast -> up\/gpt-4o-mini · \d+ in \/ \d+ out · \$[\d.]+ · /)
    const [request] = fake.requests
    expect(request).toMatchObject({ route: 'openai.chat', model: 'gpt-4o-mini', stream: true })
    expect(request.json).toMatchObject({ temperature: 0.2, max_tokens: 50, stream_options: { include_usage: true } })
  })

  it('the footer shows the cost the log records, config prices included', async () => {
    const result = await cli(['chat', '-m', 'up/house-model', 'priced by the config'])
    expect(result.code).toBe(0)
    const cost = /· \$([\d.]+) ·/.exec(result.stderr)?.[1]
    expect(Number(cost)).toBeGreaterThan(0)
    const record = logRecords().find((r) => r.id === footerId(result.stderr))
    expect(record?.costUsd).toBe(record!.usage!.input)
    expect(Number(cost)).toBe(record?.costUsd)
  })

  it('-m with provider/model, in the Anthropic format, thinking on stderr', async () => {
    const result = await cli(['messages', '-m', 'ant/claude-haiku-4-5-20251001', '--thinking', '1024', 'pinned'])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('You said: pinned\n')
    expect(result.stderr).toMatch(/^The user said "pinned"\. I will echo it back\.\nant\/claude-haiku-4-5-20251001 · /)
    expect(fake.requests[0]).toMatchObject({ route: 'anthropic.messages', model: 'claude-haiku-4-5-20251001' })
    expect(fake.requests[0].json).toMatchObject({ max_tokens: 5120, thinking: { type: 'enabled', budget_tokens: 1024 } })
  })

  it('--no-stream and --json ask for a whole response', async () => {
    const plain = await cli(['messages', '-m', 'smart', '--no-stream', '-q', 'whole'])
    expect(plain).toMatchObject({ code: 0, stdout: 'You said: whole\n', stderr: '' })
    const json = await cli(['chat', '-m', 'fast', '--json', '-q', 'whole'])
    expect(JSON.parse(json.stdout)).toMatchObject({ object: 'chat.completion', choices: [{ message: { content: 'You said: whole' } }] })
    expect(fake.requests.map((r) => r.stream)).toEqual([false, false])
  })

  it('attaches images as image parts in each format', async () => {
    await cli(['chat', '-m', 'fast', '-q', '-a', 'pixel.png', 'what is this?'])
    await cli(['messages', '-m', 'smart', '-q', '-a', 'pixel.png', 'what is this?'])
    const [chat, messages] = fake.requests
    expect((chat.json as { messages: unknown[] }).messages[0]).toEqual({
      role: 'user',
      content: [
        { type: 'text', text: 'what is this?' },
        { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG.toString('base64')}` } },
      ],
    })
    expect((messages.json as { messages: unknown[] }).messages[0]).toEqual({
      role: 'user',
      content: [
        { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG.toString('base64') } },
        { type: 'text', text: 'what is this?' },
      ],
    })
  })

  it('prints tool calls readably', async () => {
    fake.enqueue(openai.toolCalls([{ name: 'get_weather', arguments: { city: 'Paris', unit: 'c' } }], { text: 'Checking.' }))
    const result = await cli(['chat', '-m', 'fast', '-q', 'weather in Paris?'])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('Checking.\ntool call: get_weather {"city":"Paris","unit":"c"}\n')
  })

  it('streams: output arrives while the upstream is still sending', async () => {
    fake.enqueue(openai.text('one two three four five six', { chunkDelayMs: 120 }))
    const result = await cli(['chat', '-m', 'fast', '-q', 'count'])
    expect(result.stdout).toBe('one two three four five six\n')
    const upstream = await fake.waitForFinish(0)
    expect(result.stdoutTimes.length).toBeGreaterThan(2)
    // The first words were on stdout long before the upstream wrote its last chunk.
    expect(upstream.finishedAt! - result.stdoutTimes[0]).toBeGreaterThan(300)
  })

  it('Ctrl-C cancels the upstream request, logs it as cancelled and exits 130', async () => {
    fake.enqueue(openai.text('a long answer that takes far too long to arrive in full', { chunkDelayMs: 250 }))
    const run = startCli(['chat', '-m', 'fast', 'slow'], { cwd: work, env: { LLM_GATEWAY_LOG_DIR: logDir } })
    await run.firstStdout
    run.child.kill('SIGINT')
    const result = await run.done
    expect(result.code).toBe(130)
    await fake.waitForAbort(0)
    expect(fake.requests[0].aborted).toBe(true)
    expect(result.stdout.endsWith('\n')).toBe(true)
    const record = logRecords().find((r) => r.model === 'fast' && r.cancelled)
    expect(record).toMatchObject({ status: 499, origin: 'cli', provider: 'up' })
  })

  it('stops quietly when the reader of stdout goes away (| head), cancelling the upstream call', async () => {
    fake.enqueue(openai.text('many words that nobody will read to the end', { chunkDelayMs: 150 }))
    const run = startCli(['chat', '-m', 'fast', '-q', 'slow'], { cwd: work, env: { LLM_GATEWAY_LOG_DIR: logDir } })
    await run.firstStdout
    run.child.stdout!.destroy()
    const result = await run.done
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    await fake.waitForAbort(0)
  })

  it('--url also talks to any OpenAI-compatible server, and exits 1 on an answer that is not JSON', async () => {
    const direct = await cli(['chat', '--url', fake.url, '--key', 'sk-test-upstream', '-m', 'gpt-4o-mini', 'straight through'])
    expect(direct.code).toBe(0)
    expect(direct.stdout).toBe('You said: straight through\n')
    expect(direct.stderr).toMatch(/^gpt-4o-mini · \d+ in \/ \d+ out · \$[\d.]+ · \d+(ms|\.\d\ds)\n$/)
    fake.enqueue({ raw: '<html><title>Portal</title></html>', contentType: 'text/html', status: 200 })
    const html = await cli(['chat', '--url', fake.url, '--key', 'sk-test-upstream', '-m', 'gpt-4o-mini', 'hi'])
    expect(html.code).toBe(1)
    expect(html.stderr).toBe('llm-gateway: error: 200 the answer is not JSON: <html><title>Portal</title></html>\n')
  })
})

describe('--url: a running gateway', () => {
  let gw: TestGateway
  beforeAll(async () => {
    gw = await startGateway({ server: { apiKeys: ['gw-secret'] }, providers: { mock: { type: 'mock' } } })
  })
  afterAll(() => gw?.close())

  it('sends both formats there, with LLM_GATEWAY_API_KEY or --key', async () => {
    const chat = await cli(['chat', '--url', gw.url, '-m', 'mock/echo', 'remote hello'], undefined, { LLM_GATEWAY_API_KEY: 'gw-secret' })
    expect(chat.code).toBe(0)
    expect(chat.stdout).toBe('remote hello\n')
    expect(chat.stderr).toMatch(/^mock\/echo · \d+ in \/ \d+ out · /)
    const messages = await cli(['messages', '--url', `${gw.url}/v1`, '--key', 'gw-secret', '-m', 'mock/echo', '--thinking', '1024', 'remote hello'])
    expect(messages.code).toBe(0)
    expect(messages.stdout).toBe('remote hello\n')
    expect(messages.stderr).toMatch(/^The user wrote 12 characters/)
    const records = await gw.waitForRecords(2)
    expect(records.map((r) => [r.format, r.client?.split('/')[0]])).toEqual([
      ['openai', 'llm-gateway-cli'],
      ['anthropic', 'llm-gateway-cli'],
    ])
  })

  it('exits 1 with the gateway\'s message when the key is wrong or the gateway is down', async () => {
    const denied = await cli(['chat', '--url', gw.url, '-m', 'mock/echo', 'hi'])
    expect(denied.code).toBe(1)
    expect(denied.stderr).toMatch(/^llm-gateway: error: 401 /)
    const port = await closedPort()
    const down = await cli(['chat', '--url', `http://127.0.0.1:${port}`, '-m', 'mock/echo', 'hi'])
    expect(down.code).toBe(1)
    expect(down.stderr).toBe(`llm-gateway: error: could not reach the gateway at http://127.0.0.1:${port}: ECONNREFUSED\n`)
  })
})
