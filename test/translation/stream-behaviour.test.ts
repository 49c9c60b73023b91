/**
 * How translated streams behave in time, both directions: each upstream event
 * reaches the client as soon as it is translated (no buffering), a client that
 * hangs up takes the upstream request down with it, and an upstream stream that
 * is cut short ends in the client format's error event, never a silently
 * truncated stream.
 */
import Anthropic from '@anthropic-ai/sdk'
import OpenAI from 'openai'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { anthropic, openai, type ReplyFn, type SseReply } from '../support/fake-upstream.js'
import { type ClientKind, type Harness, MODEL, type ProviderKind, startHarness } from './harness.js'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterEach(() => h.fake.reset())
afterAll(() => h.close())

const WORDS = 'one two three four five six'

interface Direction {
  client: ClientKind
  provider: ProviderKind
  /** A slow, word-by-word text answer in the provider's shape. */
  slow: (opts: { chunkDelayMs: number }) => ReplyFn
  /** How many trailing SSE items make the stream's end (Anthropic: message_delta, message_stop; OpenAI: finish, usage, [DONE]). */
  endItems: number
}

const DIRECTIONS: Direction[] = [
  { client: 'openai', provider: 'anthropic', slow: (opts) => anthropic.text(WORDS, { chunkSize: 4, ...opts }), endItems: 2 },
  { client: 'anthropic', provider: 'openai', slow: (opts) => openai.text(WORDS, { chunkSize: 4, ...opts }), endItems: 3 },
]

/** The reply without its terminal items, the body then ending cleanly or with a reset connection. */
const cutShort =
  (reply: ReplyFn, endItems: number, ending: 'normal' | 'reset'): ReplyFn =>
  async (request, ctx) => {
    const full = (await reply(request, ctx)) as SseReply
    return { ...full, sse: full.sse.slice(0, -endItems), ending }
  }

/** Text deltas with their arrival times, as the client's raw SDK stream yields them. */
async function* textDeltas(direction: Direction, signal?: AbortSignal): AsyncGenerator<string> {
  const content = [{ role: 'user' as const, content: 'count' }]
  if (direction.client === 'openai') {
    const stream = await h.openai.chat.completions.create({ model: MODEL[direction.provider], messages: content, stream: true }, { signal })
    for await (const chunk of stream) if (chunk.choices[0]?.delta?.content) yield chunk.choices[0].delta.content
    return
  }
  const stream = await h.anthropic.messages.create({ model: MODEL[direction.provider], max_tokens: 100, messages: content, stream: true }, { signal })
  for await (const event of stream) if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') yield event.delta.text
}

describe.each(DIRECTIONS)('$client client <- $provider provider, stream', (direction) => {
  it('relays each upstream event as it arrives', async () => {
    h.fake.enqueue(direction.slow({ chunkDelayMs: 60 }))
    const arrivals: number[] = []
    let text = ''
    for await (const delta of textDeltas(direction)) {
      arrivals.push(Date.now())
      text += delta
    }
    expect(text).toBe(WORDS)
    expect(arrivals.length).toBeGreaterThanOrEqual(4)
    // Spread out like the upstream sent them, not delivered in one burst at the end.
    expect(arrivals.at(-1)! - arrivals[0]).toBeGreaterThan(150)
  })

  it('a client that hangs up aborts the upstream request', async () => {
    h.fake.enqueue(direction.slow({ chunkDelayMs: 100 }))
    const controller = new AbortController()
    const consumed = (async () => {
      for await (const _ of textDeltas(direction, controller.signal)) controller.abort()
    })()
    // The SDKs end the iteration quietly (or throw an abort error) when their signal fires.
    await consumed.catch(() => undefined)
    expect(controller.signal.aborted).toBe(true)
    const abortedAt = await h.fake.waitForAbort(0, 3000)
    expect(abortedAt).toBeGreaterThan(0)
  })

  it.each(['normal', 'reset'] as const)('an upstream stream cut before its end (%s) arrives as an in-stream error', async (ending) => {
    h.fake.enqueue(cutShort(direction.slow({ chunkDelayMs: 0 }), direction.endItems, ending))
    const received: string[] = []
    const error = await (async () => {
      for await (const delta of textDeltas(direction)) received.push(delta)
    })().then(
      () => undefined,
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(direction.client === 'openai' ? OpenAI.APIError : Anthropic.APIError)
    expect(received.join('')).toBe(WORDS)
  })
})
