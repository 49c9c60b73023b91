/**
 * The pieces of `chat` / `messages` that need no process: prompt assembly,
 * attachment sniffing, the default model rule, request bodies, the footer and
 * the event renderer.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { chatBody } from '../../src/cli/chat.js'
import { UsageError } from '../../src/cli/fail.js'
import { maxTokensFor, messagesBody } from '../../src/cli/messages.js'
import { readAttachment, sniffImageType } from '../../src/cli/prompt/attachments.js'
import { defaultModel } from '../../src/cli/prompt/default-model.js'
import { formatCost, formatFooter, formatRoute, formatTokens } from '../../src/cli/prompt/footer.js'
import { combinePrompt, readStdin, resolvePrompt } from '../../src/cli/prompt/read-prompt.js'
import { gatewayBase } from '../../src/cli/prompt/remote.js'
import { EventRenderer, formatArguments } from '../../src/cli/prompt/render-events.js'
import type { BodyInput } from '../../src/cli/prompt/run-one-off.js'
import { validateConfig } from '../../src/config/validate.js'
import { GatewayError } from '../../src/ir/errors.js'
import type { StreamEvent } from '../../src/ir/types.js'

const dir = mkdtempSync(join(tmpdir(), 'llm-gateway-parts-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function stdinOf(text: string, isTTY = false) {
  return {
    isTTY,
    async *[Symbol.asyncIterator]() {
      if (isTTY) throw new Error('a terminal must not be read')
      yield Buffer.from(text)
    },
  }
}

describe('prompt', () => {
  it.each([
    ['argument only', 'hello', '', 'hello'],
    ['stdin only, trailing newline dropped', undefined, 'piped text\n', 'piped text'],
    ['argument, blank line, stdin', 'summarise this', '# notes\nline two\n\n', 'summarise this\n\n# notes\nline two'],
    ['blank stdin ignored', 'hi', '\n  \n', 'hi'],
    ['nothing', undefined, '', ''],
  ])('%s', (_name, argument, piped, expected) => {
    expect(combinePrompt(argument, piped)).toBe(expected)
  })

  it('never reads a terminal', async () => {
    expect(await readStdin(stdinOf('ignored', true))).toBe('')
    await expect(resolvePrompt(undefined, 'chat', stdinOf('', true))).rejects.toThrow(UsageError)
  })

  it('reads piped stdin', async () => {
    expect(await resolvePrompt('a', 'chat', stdinOf('b\n'))).toBe('a\n\nb')
  })
})

describe('attachments', () => {
  const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))))
  it.each([
    ['png', bytes([0x89], 'PNG\r\n\x1a\n', 'rest'), 'image/png'],
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), 'image/jpeg'],
    ['gif87a', bytes('GIF87a', [1, 0]), 'image/gif'],
    ['gif89a', bytes('GIF89a', [1, 0]), 'image/gif'],
    ['webp', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
    ['wav (RIFF but not WEBP)', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '), undefined],
    ['pdf', bytes('%PDF-1.7'), undefined],
    ['empty', bytes(''), undefined],
  ])('sniffs %s', (_name, data, expected) => {
    expect(sniffImageType(data)).toBe(expected)
  })

  it('reads an image as base64 whatever its name, and rejects the rest with a usage error', async () => {
    const png = join(dir, 'photo.bin')
    writeFileSync(png, bytes([0x89], 'PNG\r\n\x1a\n', 'data'))
    expect(await readAttachment(png)).toEqual({ path: png, mediaType: 'image/png', data: Buffer.from(bytes([0x89], 'PNG\r\n\x1a\n', 'data')).toString('base64') })
    const text = join(dir, 'notes.png')
    writeFileSync(text, 'just text')
    await expect(readAttachment(text)).rejects.toThrow(new UsageError(`-a ${text}: not a png, jpeg, webp or gif image (only images can be attached)`))
    await expect(readAttachment(join(dir, 'missing.png'))).rejects.toThrow(/no such file/)
    await expect(readAttachment(dir)).rejects.toThrow(/is a folder/)
  })
})

describe('default model', () => {
  const config = (raw: Record<string, unknown>) => validateConfig(raw, { file: 'test', env: {} })
  it.each([
    ['an alias named default', { providers: { mock: { type: 'mock' } }, models: { fast: 'mock/echo', default: 'mock/echo' } }, 'default'],
    ['else the first alias', { providers: { mock: { type: 'mock' } }, models: { fast: 'mock/echo', smart: 'mock/echo' } }, 'fast'],
    [
      'aliases that only correct catalogue figures do not count',
      { providers: { local: { type: 'openai', baseURL: 'http://127.0.0.1:11434/v1', models: ['llama3.2'] } }, models: { 'gpt-4o': { contextWindow: 1000 } } },
      'local/llama3.2',
    ],
    ['else the first model a real provider declares', { providers: { mock: { type: 'mock' }, local: { type: 'openai', baseURL: 'http://127.0.0.1:1/v1', models: ['qwen3', 'llama3.2'] } } }, 'local/qwen3'],
    ['else the mock when it is alone', { providers: { offline: { type: 'mock' } } }, 'offline/echo'],
  ])('%s', (_name, raw, expected) => {
    expect(defaultModel(config(raw))).toBe(expected)
  })

  it('asks for -m rather than guessing a paid model', () => {
    expect(() => defaultModel(config({ providers: { mock: { type: 'mock' }, openai: { apiKey: 'sk-x' } } }))).toThrow(
      /no default model: pass -m MODEL \(e.g. -m openai\/<model>/,
    )
  })
})

describe('request bodies', () => {
  const input = (over: Partial<BodyInput> = {}): BodyInput => ({ model: 'm', prompt: 'hi', attachments: [], stream: true, quirks: {}, ...over })
  const image = { path: 'a.png', mediaType: 'image/png' as const, data: 'iVBO' }

  it('chat: system, sampling, reasoning, usage in streams, max tokens per quirk', () => {
    expect(chatBody(input(), { system: 'be brief', temperature: 0, maxTokens: 10, reasoningEffort: 'low' })).toEqual({
      model: 'm',
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: 'hi' },
      ],
      temperature: 0,
      max_tokens: 10,
      reasoning_effort: 'low',
      stream: true,
      stream_options: { include_usage: true },
    })
    expect(chatBody(input({ stream: true, quirks: { maxCompletionTokens: true, noStreamOptions: true } }), { maxTokens: 10 })).toEqual({
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
      max_completion_tokens: 10,
      stream: true,
    })
    expect(chatBody(input({ stream: false, attachments: [image] }), {}).messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'hi' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBO' } }] },
    ])
  })

  it('messages: max_tokens always set, above the thinking budget', () => {
    expect(messagesBody(input({ stream: false }), {})).toEqual({ model: 'm', max_tokens: 4096, messages: [{ role: 'user', content: 'hi' }] })
    expect(messagesBody(input({ attachments: [image] }), { system: 's', thinking: 2000 })).toEqual({
      model: 'm',
      max_tokens: 6096,
      messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBO' } }, { type: 'text', text: 'hi' }] }],
      system: 's',
      thinking: { type: 'enabled', budget_tokens: 2000 },
      stream: true,
    })
  })

  it.each([
    [{}, 4096],
    [{ maxTokens: 100 }, 100],
    [{ thinking: 1024 }, 5120],
    [{ thinking: 1024, maxTokens: 1025 }, 1025],
    [{ thinking: 1024, maxTokens: 1024 }, /must be larger than the --thinking budget/],
    [{ thinking: 500 }, /--thinking expects at least 1024/],
  ])('messages max tokens for %o', (options, expected) => {
    if (typeof expected === 'number') expect(maxTokensFor(options)).toBe(expected)
    else expect(() => maxTokensFor(options)).toThrow(expected)
  })
})

describe('--url', () => {
  it.each([
    ['http://127.0.0.1:4000', 'http://127.0.0.1:4000'],
    ['http://127.0.0.1:4000/', 'http://127.0.0.1:4000'],
    ['http://127.0.0.1:4000/v1', 'http://127.0.0.1:4000'],
    ['https://gw.example.com/team/v1/', 'https://gw.example.com/team'],
  ])('%s is the gateway at %s', (url, base) => {
    expect(gatewayBase(url)).toBe(base)
  })

  it.each(['localhost:4000', 'ftp://host', 'not a url'])('rejects %s', (url) => {
    expect(() => gatewayBase(url)).toThrow(UsageError)
  })
})

describe('footer', () => {
  it.each([
    [0, '$0'],
    [0.0000654, '$0.0000654'],
    [0.00012345, '$0.000123'],
    [0.01, '$0.01'],
    [0.125, '$0.125'],
    [1.5, '$1.5'],
    [12.3456, '$12.35'],
  ])('cost %d is %s', (usd, text) => {
    expect(formatCost(usd)).toBe(text)
  })

  it('tokens count the prompt as OpenAI does, with cached and reasoning shown', () => {
    expect(formatTokens({ inputTokens: 40, outputTokens: 52 })).toBe('40 in / 52 out')
    expect(formatTokens({ inputTokens: 40, outputTokens: 1520, cacheReadTokens: 1200, cacheWriteTokens: 10, reasoningTokens: 1000 })).toBe(
      '1,250 in (1,200 cached) / 1,520 out (1,000 reasoning)',
    )
  })

  it('route: the name asked for, then where it went', () => {
    expect(formatRoute('fast', 'groq', 'llama-3.3-70b-versatile')).toBe('fast -> groq/llama-3.3-70b-versatile')
    expect(formatRoute('mock/echo', 'mock', 'echo')).toBe('mock/echo')
    expect(formatRoute('fast')).toBe('fast')
  })

  it('one line; no tokens when the stream carried no usage, no cost when unknown', () => {
    expect(formatFooter({ requested: 'fast', provider: 'groq', providerModel: 'llama', usage: { inputTokens: 96, outputTokens: 11 }, costUsd: 0.0000654, latencyMs: 1420, id: 'gw_1' })).toBe(
      'fast -> groq/llama · 96 in / 11 out · $0.0000654 · 1.42s · gw_1',
    )
    expect(formatFooter({ requested: 'x/y', usage: { inputTokens: 0, outputTokens: 0 }, costUsd: null, latencyMs: 12.4 })).toBe('x/y · 12ms')
  })
})

describe('event renderer', () => {
  const sink = (isTTY = false) => {
    const out = { text: '', isTTY, write: (t: string) => (out.text += t) }
    return out
  }
  const events: StreamEvent[] = [
    { type: 'start', id: 'msg_1', model: 'm' },
    { type: 'thinking_delta', index: 0, text: 'Let me ' },
    { type: 'thinking_delta', index: 0, text: 'think.' },
    { type: 'signature', index: 0, signature: 'sig' },
    { type: 'part_end', index: 0 },
    { type: 'redacted_thinking', index: 1, data: 'opaque' },
    { type: 'part_end', index: 1 },
    { type: 'text_delta', index: 2, text: 'Checking' },
    { type: 'text_delta', index: 2, text: ' now.' },
    { type: 'part_end', index: 2 },
    { type: 'tool_call_start', index: 3, id: 'call_1', name: 'get_weather' },
    { type: 'tool_call_delta', index: 3, json: '{"city": ' },
    { type: 'tool_call_delta', index: 3, json: '"Paris"}' },
    { type: 'part_end', index: 3 },
    { type: 'tool_call_start', index: 4, id: 'call_2', name: 'ping' },
    { type: 'finish', reason: 'tool_use', usage: { inputTokens: 1, outputTokens: 2 } },
  ]
  const render = (reasoning: boolean, stderrTTY = false, env: NodeJS.ProcessEnv = {}) => {
    const stdout = sink()
    const stderr = sink(stderrTTY)
    const renderer = new EventRenderer({ stdout, stderr, reasoning, env })
    for (const event of events) renderer.push(event)
    renderer.end()
    return { stdout: stdout.text, stderr: stderr.text }
  }

  it('text and tool calls on stdout, thinking on stderr, each ending its line', () => {
    expect(render(true)).toEqual({
      stdout: 'Checking now.\ntool call: get_weather {"city":"Paris"}\ntool call: ping {}\n',
      stderr: 'Let me think.\n[redacted thinking]\n',
    })
  })

  it('dims thinking only on a terminal, and not with NO_COLOR', () => {
    expect(render(true, true).stderr).toBe('\x1b[2mLet me \x1b[22m\x1b[2mthink.\x1b[22m\n\x1b[2m[redacted thinking]\x1b[22m\n')
    expect(render(true, true, { NO_COLOR: '1' }).stderr).toBe('Let me think.\n[redacted thinking]\n')
  })

  it('--no-reasoning shows no thinking at all', () => {
    expect(render(false)).toEqual({ stdout: 'Checking now.\ntool call: get_weather {"city":"Paris"}\ntool call: ping {}\n', stderr: '' })
  })

  it('keeps the first error event', () => {
    const renderer = new EventRenderer({ stdout: sink(), stderr: sink(), reasoning: true })
    renderer.push({ type: 'error', error: new GatewayError('overloaded', 'Overloaded') })
    renderer.push({ type: 'error', error: new GatewayError('api_error', 'later') })
    expect(renderer.error?.message).toBe('Overloaded')
  })

  it.each([
    ['{"a": 1}', '{"a":1}'],
    ['', '{}'],
    ['{"a": ', '{"a": '],
  ])('arguments %j print as %j', (json, text) => {
    expect(formatArguments(json)).toBe(text)
  })
})
