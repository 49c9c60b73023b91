/**
 * Answer -> Anthropic Messages body or event stream, shaped like the recordings:
 * message_start, content_block_start, ping (after the first block start), deltas,
 * signature_delta for thinking, content_block_stop, message_delta, message_stop.
 * Every thinking block is signed so the fake can verify it when it comes back.
 */
import { defaultStop, resolveUsage, toolArgumentsJson, toolArgumentsObject, type Answer, type BuildOptions, type ResolvedUsage, type StopKind } from '../answer.js'
import { base58 } from '../hash.js'
import { bodyOf, jsonReplyOf, modelOf, sseReplyOf, wantsStream } from '../render-common.js'
import { countTokens, estimateInputTokens, splitJson, splitText } from '../text.js'
import type { RecordedRequest, Reply, ReplyContext, SseItem } from '../types.js'

const STOP: Record<StopKind, string> = {
  end: 'end_turn',
  stop_sequence: 'stop_sequence',
  length: 'max_tokens',
  tool: 'tool_use',
  refusal: 'refusal',
  content_filter: 'refusal',
}

export type AnthropicBlock =
  | { type: 'text'; text: string }
  | { type: 'thinking'; thinking: string; signature: string }
  | { type: 'redacted_thinking'; data: string }
  | { type: 'tool_use'; id: string; name: string; input: unknown; rawJson: string }

export function anthropicBlocks(answer: Answer, ctx: ReplyContext): AnthropicBlock[] {
  let tools = 0
  return answer.blocks.map((block, i): AnthropicBlock => {
    switch (block.type) {
      case 'text':
        return { type: 'text', text: block.text }
      case 'thinking':
        return { type: 'thinking', thinking: block.text, signature: block.signature ?? ctx.signThinking(block.text) }
      case 'redacted_thinking':
        return { type: 'redacted_thinking', data: block.data ?? ctx.redactedData(`${ctx.seed}:${i}`) }
      case 'tool_call': {
        const id = block.id ?? `toolu_01${base58(ctx.seed, `tool${tools++}`, 22)}`
        return { type: 'tool_use', id, name: block.name, input: toolArgumentsObject(block.input), rawJson: toolArgumentsJson(block.input) }
      }
    }
  })
}

function usageFields(u: ResolvedUsage) {
  return {
    input_tokens: u.input,
    cache_creation_input_tokens: u.cacheWrite,
    cache_read_input_tokens: u.cacheRead,
    cache_creation: { ephemeral_5m_input_tokens: u.cacheWrite, ephemeral_1h_input_tokens: 0 },
    output_tokens: u.output,
    service_tier: 'standard',
  }
}

function estimate(request: RecordedRequest, answer: Answer, blocks: AnthropicBlock[]): ResolvedUsage {
  const body = bodyOf(request)
  let output = 0
  let reasoning = 0
  for (const b of blocks) {
    if (b.type === 'text') output += splitText(b.text).length
    else if (b.type === 'thinking') reasoning += splitText(b.thinking).length
    else if (b.type === 'tool_use') output += countTokens(b.name) + countTokens(b.rawJson)
  }
  return resolveUsage(answer.usage, estimateInputTokens(body.system, body.messages, body.tools), output, reasoning)
}

export function anthropicMessageId(ctx: ReplyContext): string {
  return `msg_01${base58(ctx.seed, 'id', 22)}`
}

export function renderAnthropic(request: RecordedRequest, ctx: ReplyContext, answer: Answer, opts: BuildOptions = {}): Reply {
  return wantsStream(request, opts)
    ? sseReplyOf(anthropicEvents(request, ctx, answer, opts), opts)
    : jsonReplyOf(anthropicMessage(request, ctx, answer, opts), opts)
}

export function anthropicMessage(request: RecordedRequest, ctx: ReplyContext, answer: Answer, opts: BuildOptions = {}) {
  const blocks = anthropicBlocks(answer, ctx)
  const usage = estimate(request, { ...answer, usage: opts.usage ?? answer.usage }, blocks)
  const stop = opts.stop ?? defaultStop(answer)
  return {
    model: modelOf(request, opts, 'claude-sonnet-4-5-20250929'),
    id: opts.id ?? anthropicMessageId(ctx),
    type: 'message',
    role: 'assistant',
    content: blocks.map((b) => {
      if (b.type === 'tool_use') return { type: b.type, id: b.id, name: b.name, input: b.input }
      return b
    }),
    stop_reason: STOP[stop],
    stop_sequence: stop === 'stop_sequence' ? (answer.stopSequence ?? null) : null,
    usage: usageFields(usage),
  }
}

/** The event list (objects framed as `event: <type>`), exported for streamError builders. */
export function anthropicEvents(request: RecordedRequest, ctx: ReplyContext, answer: Answer, opts: BuildOptions = {}): SseItem[] {
  const blocks = anthropicBlocks(answer, ctx)
  const usage = estimate(request, { ...answer, usage: opts.usage ?? answer.usage }, blocks)
  const stop = opts.stop ?? defaultStop(answer)
  const ev = (data: { type: string } & Record<string, unknown>): SseItem => ({ event: data.type, data })
  const items: SseItem[] = [
    ev({
      type: 'message_start',
      message: {
        model: modelOf(request, opts, 'claude-sonnet-4-5-20250929'),
        id: opts.id ?? anthropicMessageId(ctx),
        type: 'message',
        role: 'assistant',
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { ...usageFields(usage), output_tokens: 1 },
      },
    }),
  ]
  blocks.forEach((block, index) => {
    items.push(ev({ type: 'content_block_start', index, content_block: startBlock(block) }))
    if (index === 0) items.push(ev({ type: 'ping' }))
    for (const delta of blockDeltas(block, opts.chunkSize)) items.push(ev({ type: 'content_block_delta', index, delta }))
    items.push(ev({ type: 'content_block_stop', index }))
  })
  if (blocks.length === 0) items.push(ev({ type: 'ping' }))
  const { service_tier: _tier, cache_creation: _cc, ...finalUsage } = usageFields(usage)
  items.push(
    ev({
      type: 'message_delta',
      delta: { stop_reason: STOP[stop], stop_sequence: stop === 'stop_sequence' ? (answer.stopSequence ?? null) : null },
      usage: finalUsage,
    }),
  )
  items.push(ev({ type: 'message_stop' }))
  return items
}

function startBlock(block: AnthropicBlock): unknown {
  switch (block.type) {
    case 'text':
      return { type: 'text', text: '' }
    case 'thinking':
      return { type: 'thinking', thinking: '', signature: '' }
    case 'redacted_thinking':
      return { type: 'redacted_thinking', data: block.data }
    case 'tool_use':
      return { type: 'tool_use', id: block.id, name: block.name, input: {} }
  }
}

function blockDeltas(block: AnthropicBlock, chunkSize?: number): unknown[] {
  switch (block.type) {
    case 'text':
      return splitText(block.text, chunkSize).map((text) => ({ type: 'text_delta', text }))
    case 'thinking':
      return [
        ...splitText(block.thinking, chunkSize).map((thinking) => ({ type: 'thinking_delta', thinking })),
        { type: 'signature_delta', signature: block.signature },
      ]
    case 'redacted_thinking':
      return []
    case 'tool_use':
      // Real streams open with an empty fragment before the argument JSON.
      return ['', ...splitJson(block.rawJson)].map((partial_json) => ({ type: 'input_json_delta', partial_json }))
  }
}
