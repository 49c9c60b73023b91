/**
 * Did a relayed stream end properly? The fast path forwards bytes untouched,
 * so it looks once, when the upstream body ends, at the stream's last frame:
 * OpenAI ends with `data: [DONE]`, Anthropic with `message_stop`, and an
 * error event the provider sent is an ending too. Only when that cheap look
 * fails is the provider's stream decoder asked (it decoded the relayed chunks
 * for the log as they went, see stream-assembler.ts) what is wrong: cut
 * short, malformed, or fine after all (an OpenAI-compatible server that sends
 * a finish_reason but no [DONE]).
 */
import type { ProviderFormat } from '../formats/types.js'
import { GatewayError } from '../ir/errors.js'

/** Enough to hold any terminal frame; a longer last frame is checked by the decoder. */
const TAIL_BYTES = 4096

/**
 * The last chunks of a relayed stream, at least TAIL_BYTES of them (or all,
 * when there are fewer): what the checks below look at. Holding only the tail
 * keeps a long stream's chunks from living (and being copied by the garbage
 * collector) until it ends.
 */
export class StreamTail {
  readonly chunks: Uint8Array[] = []
  /** Chunks seen in all. */
  count = 0
  private size = 0

  push(chunk: Uint8Array): void {
    this.chunks.push(chunk)
    this.count++
    this.size += chunk.length
    while (this.chunks.length > 1 && this.size - this.chunks[0].length >= TAIL_BYTES) this.size -= this.chunks.shift()!.length
  }
}

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

/**
 * Why a relayed stream that ended is incomplete, as an error to append in the
 * client's format; undefined when it ended properly. `decodedError` is the
 * decoder's account of the whole stream, asked only when the tail does not
 * end with a final frame.
 */
export function incompleteStream(format: ProviderFormat, provider: string, tail: StreamTail, decodedError: () => GatewayError | undefined): GatewayError | undefined {
  if (endsWithTerminal(format, tail.chunks)) return undefined
  const error = decodedError()
  if (!error) return undefined
  const detail = tail.count === 0 ? 'sent no events' : error.message
  return new GatewayError('bad_gateway', `Provider '${provider}' ended the stream before its final event: ${detail}`, {
    provider,
    code: 'incomplete_stream',
  })
}
