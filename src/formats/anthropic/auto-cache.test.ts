import { describe, expect, it } from 'vitest'
import type { IRRequest } from '../../ir/types.js'
import { applyAutoCache, hasCacheHints, MIN_CACHEABLE_TOKENS } from './auto-cache.js'
import type { AnthropicRequest } from './wire-types.js'

/** Text of about `tokens` estimated tokens. */
const words = (tokens: number) => 'word '.repeat(Math.ceil((tokens * 4) / 5))
const EPHEMERAL = { type: 'ephemeral' }

function body(parts: { tools?: number; system?: number; turns?: number[] }): AnthropicRequest {
  return {
    model: 'claude-sonnet-4-5',
    max_tokens: 1024,
    ...(parts.tools
      ? { tools: [{ name: 'a', input_schema: { type: 'object' } }, { name: 'b', description: words(parts.tools), input_schema: { type: 'object' } }] }
      : {}),
    ...(parts.system ? { system: [{ type: 'text', text: 'You are helpful.' }, { type: 'text', text: words(parts.system) }] } : {}),
    messages: (parts.turns ?? [10]).map((tokens, i) => ({
      role: i % 2 === 0 ? 'user' : 'assistant',
      content: [{ type: 'text', text: words(tokens) }],
    })),
  } as AnthropicRequest
}

const marks = (request: AnthropicRequest) => ({
  tools: request.tools?.map((t) => Boolean(t.cache_control)),
  system: request.system?.map((b) => Boolean(b.cache_control)),
  messages: request.messages.map((m) => (typeof m.content === 'string' ? false : m.content.some((b) => 'cache_control' in b && b.cache_control))),
})

describe('applyAutoCache', () => {
  it.each([
    ['short request: nothing', { system: 50, turns: [20] }, { tools: undefined, system: [false, false], messages: [false] }],
    ['long tools: last tool', { tools: 1200, turns: [20] }, { tools: [false, true], system: undefined, messages: [true] }],
    ['long system: last system block and the user turn', { system: 1500, turns: [20] }, { tools: undefined, system: [false, true], messages: [true] }],
    ['tools + system long together: system only', { tools: 600, system: 600, turns: [20] }, { tools: [false, false], system: [false, true], messages: [true] }],
    [
      'long conversation: last two user turns',
      { system: 100, turns: [600, 600, 600, 300, 50] },
      { tools: undefined, system: [false, false], messages: [false, false, true, false, true] },
    ],
    [
      'everything long: at most 4 breakpoints',
      { tools: 2000, system: 2000, turns: [2000, 100, 100, 100, 100] },
      { tools: [false, true], system: [false, true], messages: [false, false, true, false, true] },
    ],
    [
      'prefix reaches the minimum only at the last turn',
      { system: 100, turns: [300, 300, 500] },
      { tools: undefined, system: [false, false], messages: [false, false, true] },
    ],
  ])('%s', (_name, shape, expected) => {
    const request = body(shape)
    applyAutoCache(request)
    expect(marks(request)).toEqual(expected)
  })

  it('never marks thinking blocks; the last markable block gets the breakpoint', () => {
    const request = body({ system: 2000, turns: [20] })
    request.messages = [
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: [{ type: 'text', text: 'out' }] }, { type: 'text', text: 'go on' }] },
    ]
    applyAutoCache(request)
    const content = request.messages[0].content as unknown as Array<Record<string, unknown>>
    expect(content[0].cache_control).toBeUndefined()
    expect(content[1].cache_control).toEqual(EPHEMERAL)
  })

  it('threshold is 1024 estimated tokens', () => {
    expect(MIN_CACHEABLE_TOKENS).toBe(1024)
  })
})

describe('hasCacheHints', () => {
  const plain: IRRequest = { model: 'm', system: [{ type: 'text', text: 's' }], messages: [{ role: 'user', parts: [{ type: 'text', text: 'u' }] }], stream: false }
  it.each<[string, IRRequest, boolean]>([
    ['none', plain, false],
    ['on system', { ...plain, system: [{ type: 'text', text: 's', cache: { type: 'ephemeral' } }] }, true],
    ['on a tool', { ...plain, tools: [{ name: 't', inputSchema: {}, cache: { type: 'ephemeral' } }] }, true],
    ['on a message part', { ...plain, messages: [{ role: 'user', parts: [{ type: 'text', text: 'u', cache: { type: 'ephemeral' } }] }] }, true],
    [
      'inside a tool result',
      { ...plain, messages: [{ role: 'user', parts: [{ type: 'tool_result', callId: 'c', content: [{ type: 'text', text: 'r', cache: { type: 'ephemeral' } }] }] }] },
      true,
    ],
  ])('%s', (_name, request, expected) => {
    expect(hasCacheHints(request)).toBe(expected)
  })
})
