import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { Command, CommanderError } from 'commander'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { anthropicRecord, makeRecord } from '../../test/support/log-records.js'
import type { LogRecord } from '../log/record.js'
import { serializeRecord } from '../log/serialize.js'
import { exitCodeFor, UsageError } from './fail.js'
import { buildProgram } from './index.js'
import { logsListCommand, logsShowCommand, logsStatsCommand, logsTailCommand } from './logs.js'
import type { CommandIO } from './logs/io.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'llm-gateway-logs-cmd-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

function capture(): CommandIO & { text(): string } {
  const chunks: string[] = []
  return { isTTY: false, write: (t) => void chunks.push(t), text: () => chunks.join('') }
}

const day = () => new Date().toISOString().slice(0, 10)
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString()

async function writeLog(records: LogRecord[]): Promise<void> {
  for (const r of records) await appendFile(join(dir, `${r.time.slice(0, 10)}.jsonl`), `${serializeRecord(r, true)}\n`)
}

const openaiOk = makeRecord({ id: 'gw_list0001', time: minutesAgo(30) })
const anthropicOk = anthropicRecord({ id: 'gw_list0002', time: minutesAgo(20), stream: true })
const failed = makeRecord({
  id: 'gw_list0003',
  time: minutesAgo(10),
  model: 'fast',
  status: 503,
  usage: null,
  costUsd: null,
  ttftMs: null,
  response: null,
  error: { type: 'overloaded', message: 'every target failed' },
  attempts: [
    { provider: 'groq', providerModel: 'llama-3.3-70b-versatile', status: 429, latencyMs: 80, error: 'rate limited' },
    { provider: 'openai', providerModel: 'gpt-4o-mini', status: 503, latencyMs: 120, error: 'overloaded' },
  ],
})

describe('logs list', () => {
  beforeEach(() => writeLog([openaiOk, anthropicOk, failed]))

  it('prints a table, newest first: time, id, model -> provider, status, latency, tokens, cost', async () => {
    const io = capture()
    await logsListCommand({ logDir: dir }, io)
    const lines = io.text().trimEnd().split('\n')
    expect(lines[0]).toMatch(/^time\s+id\s+model -> provider\s+status\s+latency\s+ttft\s+tokens in\/out\s+cost$/)
    expect(lines.slice(1).map((l) => l.split(/\s+/)[2])).toEqual(['gw_list0003', 'gw_list0002', 'gw_list0001'])
    expect(lines[1]).toContain('fast -> groq/llama-3.3-70b-versatile (2 attempts)')
    expect(lines[1]).toMatch(/ 503 /)
    expect(lines[2]).toContain('claude-sonnet-4-5 -> anthropic')
    expect(lines[3]).toMatch(/420ms\s+180ms\s+96\/11\s+\$0\.00007$/)
    // Plain text when not a terminal: no colour codes.
    expect(io.text()).not.toContain('\x1b[')
  })

  it('prints JSON Lines with --json, whole records', async () => {
    const io = capture()
    await logsListCommand({ logDir: dir, json: true, limit: 2 }, io)
    const records = io.text().trimEnd().split('\n').map((l) => JSON.parse(l))
    expect(records).toEqual([failed, anthropicOk])
  })

  it.each([
    [{ status: 'error' }, ['gw_list0003']],
    [{ provider: 'anthropic' }, ['gw_list0002']],
    [{ model: 'fast' }, ['gw_list0003', 'gw_list0001']],
    [{ since: '15m' }, ['gw_list0003']],
    [{ limit: 1 }, ['gw_list0003']],
  ])('filters: %j', async (flags, expected) => {
    const io = capture()
    await logsListCommand({ logDir: dir, json: true, ...flags }, io)
    expect(io.text().trimEnd().split('\n').map((l) => JSON.parse(l).id)).toEqual(expected)
  })

  it('says so when nothing matches', async () => {
    const io = capture()
    await logsListCommand({ logDir: dir, provider: 'gemini' }, io)
    expect(io.text()).toBe(`no matching records in ${dir}\n`)
  })

  it('rejects bad filter values as usage errors (exit 2)', async () => {
    const error = await logsListCommand({ logDir: dir, status: 'bad' }, capture()).catch((e) => e)
    expect(error).toBeInstanceOf(UsageError)
    expect(exitCodeFor(error)).toBe(2)
    await expect(logsStatsCommand({ logDir: dir, since: 'last tuesday' }, capture())).rejects.toThrow(/--since expects/)
  })

  it('finds the folder through LLM_GATEWAY_LOG_DIR when --log-dir is absent', async () => {
    const before = process.env.LLM_GATEWAY_LOG_DIR
    process.env.LLM_GATEWAY_LOG_DIR = dir
    try {
      const io = capture()
      await logsListCommand({ json: true, limit: 1 }, io)
      expect(JSON.parse(io.text()).id).toBe('gw_list0003')
    } finally {
      if (before === undefined) delete process.env.LLM_GATEWAY_LOG_DIR
      else process.env.LLM_GATEWAY_LOG_DIR = before
    }
  })

  it("uses the config's log.dir with --config", async () => {
    const config = join(dir, 'gateway.config.json')
    await writeFile(config, JSON.stringify({ providers: { mock: { type: 'mock' } }, log: { dir } }))
    const before = process.env.LLM_GATEWAY_LOG_DIR
    delete process.env.LLM_GATEWAY_LOG_DIR
    try {
      const io = capture()
      await logsListCommand({ config, json: true, limit: 1 }, io)
      expect(JSON.parse(io.text()).id).toBe('gw_list0003')
    } finally {
      if (before !== undefined) process.env.LLM_GATEWAY_LOG_DIR = before
    }
  })
})

describe('logs show', () => {
  beforeEach(() => writeLog([openaiOk, anthropicOk, failed, makeRecord({ id: 'gw_nobodies', request: null, response: null })]))

  const show = async (id: string, json = false) => {
    const io = capture()
    await logsShowCommand(id, { logDir: dir, json }, io)
    return io.text()
  }

  it('renders an OpenAI-format pair: settings, tools, system, turns with tool calls and results, the reply, usage, cost', async () => {
    const text = await show('gw_list0001')
    for (const expected of [
      'gw_list0001',
      '/v1/chat/completions (openai)',
      'fast -> groq/llama-3.3-70b-versatile',
      '96 in, 11 out',
      '$0.00007',
      'client    OpenAI/JS 6.49.0',
      'temperature=0.2',
      'tools     get_weather',
      'system\n  You are a terse assistant.',
      'user\n  What is the weather in Paris?',
      '[tool call] get_weather call_Qx81\n    {\n      "city": "Paris"\n    }',
      'tool result\n  [tool result] call_Qx81\n    {"temp_c":12,"sky":"overcast"}',
      'assistant  stop: stop\n  Paris: 12 °C and overcast.',
    ]) {
      expect(text).toContain(expected)
    }
  })

  it('renders an Anthropic-format pair: system with cache breakpoint, thinking, usage with cache reads', async () => {
    const text = await show('gw_list0002')
    for (const expected of [
      '/v1/messages (anthropic, stream)',
      '40 in, 52 out (cache read 1200)',
      'thinking={"type":"enabled","budget_tokens":1024}',
      'system\n  You review code.\n  [cache breakpoint]',
      'assistant  stop: end_turn\n  [thinking, signed]\n    Loose equality with null matches undefined too.\n  Yes: `== null` checks both null and undefined.',
    ]) {
      expect(text).toContain(expected)
    }
  })

  it('shows every attempt and the error of a failed request', async () => {
    const text = await show('gw_list0003')
    expect(text).toContain('attempts  1. groq/llama-3.3-70b-versatile  429  80ms  rate limited')
    expect(text).toContain('          2. openai/gpt-4o-mini  503  120ms  overloaded')
    expect(text).toContain('error     overloaded: every target failed')
    expect(text).toContain('(no response: the request failed)')
  })

  it('prints other responses (count_tokens) as JSON', async () => {
    await writeLog([
      anthropicRecord({ id: 'gw_count', endpoint: '/v1/messages/count_tokens', response: { input_tokens: 1234 }, usage: null, costUsd: null }),
    ])
    const text = await show('gw_count')
    expect(text).toContain('/v1/messages/count_tokens (anthropic)')
    expect(text).toContain('── response')
    expect(text).toContain('  {\n    "input_tokens": 1234\n  }')
  })

  it('says when bodies were not recorded', async () => {
    expect(await show('gw_nobodies')).toContain('(not recorded: log.bodies is false')
  })

  it('accepts a unique prefix, and prints the record as one JSON line with --json', async () => {
    expect(JSON.parse(await show('gw_list0002', true))).toEqual(anthropicOk)
    expect(await show('gw_nob')).toContain('gw_nobodies')
  })

  it('fails with exit 1 and a clear message for an unknown or ambiguous id', async () => {
    const unknown = await show('gw_nothere').catch((e) => e)
    expect(unknown.message).toMatch(/no record with id gw_nothere in .* \(run `llm-gateway logs list`/)
    expect(exitCodeFor(unknown)).toBe(1)
    const ambiguous = await show('gw_list').catch((e) => e)
    expect(ambiguous.message).toMatch(/gw_list matches several records: .*gw_list0003.* — give more of the id/)
    expect(exitCodeFor(ambiguous)).toBe(1)
  })

  it('rejects something that is not an id as a usage error', async () => {
    await expect(show('../etc')).rejects.toBeInstanceOf(UsageError)
  })
})

describe('logs stats', () => {
  beforeEach(() => writeLog([openaiOk, anthropicOk, failed]))

  it('prints a table per model and per provider with a total', async () => {
    const io = capture()
    await logsStatsCommand({ logDir: dir }, io)
    const [models, providers] = io.text().split('\n\n')
    expect(models.split('\n')[0]).toMatch(/^model\s+requests\s+errors\s+p50 latency\s+p95 latency\s+p50 ttft\s+p95 ttft\s+tokens in\s+tokens out\s+cached\s+cost$/)
    expect(models).toMatch(/\nfast\s+2\s+1 \(50%\)\s+420ms\s+420ms/)
    expect(models).toMatch(/\nall\s+3\s+1 \(33%\)/)
    expect(providers.split('\n')[0]).toMatch(/^provider\s+requests/)
    expect(providers).toMatch(/\nanthropic\s+1\s+0\s/)
  })

  it('prints one JSON object per row with --json', async () => {
    const io = capture()
    await logsStatsCommand({ logDir: dir, json: true, provider: 'groq' }, io)
    const rows = io.text().trimEnd().split('\n').map((l) => JSON.parse(l))
    expect(rows.map((r) => `${r.group}:${r.name}`)).toEqual(['model:fast', 'provider:groq', 'total:all'])
    expect(rows[0]).toMatchObject({ requests: 2, errors: 1, errorRate: 0.5, inputTokens: 96, outputTokens: 11 })
  })

  it('says so on an empty log', async () => {
    const io = capture()
    await logsStatsCommand({ logDir: join(dir, 'empty') }, io)
    expect(io.text()).toMatch(/^no matching records in/)
  })
})

describe('logs tail', () => {
  it('prints the last N records oldest first, then new ones as they are appended, until stopped', async () => {
    await writeLog([openaiOk, anthropicOk, failed])
    const io = capture()
    const controller = new AbortController()
    const done = logsTailCommand({ logDir: dir, lines: 2, intervalMs: 10, json: true }, io, controller.signal)
    const waitFor = async (count: number) => {
      for (let i = 0; i < 200 && io.text().split('\n').filter(Boolean).length < count; i++) await new Promise((r) => setTimeout(r, 10))
    }
    await waitFor(2)
    // A new record, written in two parts like a slow append: only whole lines are taken.
    const fresh = serializeRecord(makeRecord({ id: 'gw_fresh', time: new Date().toISOString() }), true)
    const file = join(dir, `${day()}.jsonl`)
    await appendFile(file, fresh.slice(0, 50))
    await new Promise((r) => setTimeout(r, 40))
    await appendFile(file, `${fresh.slice(50)}\n`)
    // Filtered out: tail applies the same filters to new records.
    await waitFor(3)
    controller.abort()
    await done
    expect(io.text().trimEnd().split('\n').map((l) => JSON.parse(l).id)).toEqual(['gw_list0002', 'gw_list0003', 'gw_fresh'])
  })

  it('applies filters to live records and prints table rows when not --json', async () => {
    const io = capture()
    const controller = new AbortController()
    const done = logsTailCommand({ logDir: dir, status: '5xx', intervalMs: 10 }, io, controller.signal)
    await new Promise((r) => setTimeout(r, 30))
    await writeLog([makeRecord({ id: 'gw_ok_live' }), makeRecord({ id: 'gw_bad_live', status: 500, error: { type: 'api_error', message: 'x' } })])
    for (let i = 0; i < 200 && !io.text().includes('gw_bad_live'); i++) await new Promise((r) => setTimeout(r, 10))
    controller.abort()
    await done
    expect(io.text()).toMatch(/^following .* — Ctrl-C to stop\n/)
    expect(io.text()).toMatch(/gw_bad_live\s+fast -> groq\/llama-3.3-70b-versatile\s+500/)
    expect(io.text()).not.toContain('gw_ok_live')
  })
})

describe('command line', () => {
  /** Commander prints usage errors itself; keep the test output clean. */
  function quiet(command: Command): Command {
    command.configureOutput({ writeErr: () => {}, writeOut: () => {} })
    for (const sub of command.commands) quiet(sub)
    return command
  }

  it('rejects a bad --limit as a usage error and unknown flags through commander', async () => {
    await expect(quiet(buildProgram()).parseAsync(['node', 'llm-gateway', 'logs', 'list', '--limit', '0'])).rejects.toBeInstanceOf(UsageError)
    await expect(quiet(buildProgram()).parseAsync(['node', 'llm-gateway', 'logs', 'stats', '--bogus'])).rejects.toBeInstanceOf(CommanderError)
    await expect(quiet(buildProgram()).parseAsync(['node', 'llm-gateway', 'logs', 'show'])).rejects.toBeInstanceOf(CommanderError)
  })

  const bin = resolve(import.meta.dirname, '../../bin/llm-gateway.js')
  const built = existsSync(resolve(import.meta.dirname, '../../dist/cli/logs.js'))

  it.skipIf(!built)('runs as a child process: exit 0 with output, 1 for an unknown id, 2 for a bad flag', async () => {
    await writeLog([openaiOk])
    const run = (...args: string[]) =>
      promisify(execFile)('node', [bin, 'logs', ...args, '--log-dir', dir]).then(
        ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
        (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
      )
    const list = await run('list', '--json')
    expect(list.code).toBe(0)
    expect(JSON.parse(list.stdout).id).toBe('gw_list0001')
    const missing = await run('show', 'gw_nope')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/no record with id gw_nope/)
    expect((await run('list', '--status', 'great')).code).toBe(2)
  })
})
