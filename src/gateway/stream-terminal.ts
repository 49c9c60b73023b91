/**
 * Did a relayed stream end properly? The fast path forwards bytes untouched,
 * so it looks once, when the upstream body ends, at the stream's last frame:
 * OpenAI ends with `data: [DONE]`, Anthropic with `message_stop`, and an
 * error event the provider sent is an ending too. Only when that cheap look
 * fails does the provider's stream decoder replay the relayed chunks (already
 * kept for the log) to say what is wrong: cut short, malformed, or fine after
 * all (an OpenAI-compatible server that sends a finish_reason but no [DONE]).
 */
import type { ProviderFormat } from '../formats/types.js'
import { GatewayError } from '../ir/errors.js'
import { SSEParser } from '../util/sse.js'

/** Enough to hold any terminal frame; a longer last frame is checked by the decoder. */
const TAIL_BYTES = 4096

const TERMINAL_FRAME: Record<string, (frame: string) => boolean> = {
  openai: (frame) => /^data: ?(\[DONE\]|\{\s*"error"\s*:)/m.test(frame),
  anthropic: (frame) => /^event: ?(message_stop|error)\s*$/m.test(frame) || /^data: ?\{\s*"type"\s*:\s*"(message_stop|error)"/m.test(frame),
}

/** The last SSE frame of the relayed bytes (only the tail is decoded). */
export function lastFrame(chunks: readonly Uint8Array[]): string {
  let start = chunks.length
  let size = 0
  while (start > 0 && size < TAIL_BYTES) size += chunks[--start].length
  const tail = Buffer.concat(chunks.slice(start)).toString('utf8')
  return tail.replace(/\r\n?/g, '\n').trimEnd().split('\n\n').at(-1) ?? ''
}

/**
 * What to write before an appended error event so it starts a frame of its
 * own, even when the upstream broke off mid-line: nothing after a blank line,
 * else enough newlines to end the partial frame.
 */
export function frameBoundary(chunks: readonly Uint8Array[]): string {
  const last = chunks.at(-1)
  if (!last || last.length === 0) return ''
  const tail = Buffer.from(last.buffer, last.byteOffset, last.byteLength).toString('latin1', Math.max(0, last.length - 4))
  if (/\n\r?\n$/.test(tail)) return ''
  return tail.endsWith('\n') ? '\n' : '\n\n'
}

/** True when the stream's last frame is its format's ending (or the provider's own error event). */
export function endsWithTerminal(format: ProviderFormat, chunks: readonly Uint8Array[]): boolean {
  return TERMINAL_FRAME[format.name]?.(lastFrame(chunks)) ?? false
}

function decodeError(format: ProviderFormat, chunks: readonly Uint8Array[]): GatewayError | undefined {
  const parser = new SSEParser()
  const decoder = format.createStreamDecoder()
  const errorIn = (events: ReturnType<typeof decoder.decode>) => events.find((e) => e.type === 'error')
  for (const chunk of chunks) {
    for (const message of parser.push(chunk)) {
      const found = errorIn(decoder.decode(message))
      if (found?.type === 'error') return found.error
    }
  }
  for (const message of parser.end()) {
    const found = errorIn(decoder.decode(message))
    if (found?.type === 'error') return found.error
  }
  const found = errorIn(decoder.end())
  return found?.type === 'error' ? found.error : undefined
}

/**
 * Why a relayed stream that ended is incomplete, as an error to append in the
 * client's format; undefined when it ended properly.
 */
export function incompleteStream(format: ProviderFormat, provider: string, chunks: readonly Uint8Array[]): GatewayError | undefined {
  if (endsWithTerminal(format, chunks)) return undefined
  const error = decodeError(format, chunks)
  if (!error) return undefined
  const detail = chunks.length === 0 ? 'sent no events' : error.message
  return new GatewayError('bad_gateway', `Provider '${provider}' ended the stream before its final event: ${detail}`, {
    provider,
    code: 'incomplete_stream',
  })
}
