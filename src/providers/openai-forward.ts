/**
 * The fast path to an OpenAI-compatible service, with its quirks folded in:
 * the client's body loses the fields the service rejects (forward-quirks.ts),
 * and a streamed answer's tool-call indices are renumbered from 0 when the
 * service counts otherwise (tool-call-indices.ts), so OpenAI SDK clients can
 * assemble the calls. Only `data:` lines that carry tool calls with the wrong
 * index are rewritten; every other byte passes through as it came, as soon as
 * its line is complete.
 *
 * The renumbering works on the relay's sink (no Transform stream in between)
 * and on bytes: a chunk of whole lines with no tool calls is passed on as the
 * very same Buffer, never decoded and re-encoded.
 */
import type { Readable } from 'node:stream'
import { applyQuirksToBody } from '../formats/openai-chat/forward-quirks.js'
import { ToolCallIndexer } from '../formats/openai-chat/tool-call-indices.js'
import type { OpenAIQuirks } from '../formats/types.js'
import { consumeBody, readableFrom } from './body-feed.js'
import type { BodyFeed, BodySink, ForwardRequest, UpstreamResponse } from './types.js'

export type Forward = (request: ForwardRequest) => Promise<UpstreamResponse>

export function forwardWithQuirks(forward: Forward, quirks: OpenAIQuirks): Forward {
  return async (request) => {
    const response = await forward({ ...request, body: applyQuirksToBody(request.body, quirks) })
    if (!request.stream || response.status >= 300 || !isEventStream(response)) return response
    return new IndexedResponse(response)
  }
}

function isEventStream(response: UpstreamResponse): boolean {
  return (response.headers['content-type'] ?? '').includes('text/event-stream')
}

/** An event-stream response whose tool-call indices come out renumbered, however it is read. */
class IndexedResponse implements UpstreamResponse {
  readonly status: number
  readonly headers: Record<string, string>
  readonly #upstream: UpstreamResponse
  #body: Readable | undefined

  constructor(upstream: UpstreamResponse) {
    this.status = upstream.status
    this.headers = upstream.headers
    this.#upstream = upstream
  }

  get body(): Readable {
    return (this.#body ??= readableFrom((sink) => this.consume(sink)))
  }

  consume(sink: BodySink): BodyFeed {
    return consumeBody(this.#upstream, indexingSink(sink))
  }
}

/** `sink`, fed whole lines only, with their tool-call indices renumbered. */
function indexingSink(sink: BodySink): BodySink {
  const rewriter = new ToolCallIndexRewriter()
  return {
    chunk: (chunk) => {
      const lines = rewriter.push(chunk)
      return lines === undefined ? true : sink.chunk(lines)
    },
    end: () => {
      const rest = rewriter.end()
      if (rest !== undefined) sink.chunk(rest)
      sink.end()
    },
    // A partial last line is dropped, as the stream broke off in it.
    error: (error) => sink.error(error),
  }
}

const NEWLINE = 0x0a
const TOOL_CALLS = Buffer.from('"tool_calls"')

/**
 * The renumbering on raw bytes. A line is only looked at once its newline has
 * arrived (a byte that never occurs inside a multi-byte character, so cutting
 * there never splits one); the incomplete last line is held until then.
 */
export class ToolCallIndexRewriter {
  private readonly indexer = new ToolCallIndexer()
  /** The incomplete last line, in the pieces it arrived in. */
  private pending: Buffer[] = []

  /** The whole lines this chunk completed (rewritten where needed), or undefined when it completed none. */
  push(chunk: Buffer): Buffer | undefined {
    const cut = chunk.lastIndexOf(NEWLINE) + 1
    if (cut === 0) {
      if (chunk.length > 0) this.pending.push(chunk)
      return undefined
    }
    const head = cut === chunk.length ? chunk : chunk.subarray(0, cut)
    const lines = this.pending.length === 0 ? head : Buffer.concat([...this.pending, head])
    this.pending = cut === chunk.length ? [] : [chunk.subarray(cut)]
    return this.rewrite(lines)
  }

  /** What is left at the end of the stream: a last line without its newline. */
  end(): Buffer | undefined {
    if (this.pending.length === 0) return undefined
    const rest = Buffer.concat(this.pending)
    this.pending = []
    return this.rewrite(rest)
  }

  private rewrite(lines: Buffer): Buffer {
    if (lines.indexOf(TOOL_CALLS) === -1) return lines
    const text = lines.toString('utf8')
    const rewritten = text.replace(/^data:[ \t]?(.*?)(\r?)$/gm, (line, json: string, cr: string) => {
      if (!json.includes('"tool_calls"')) return line
      let chunk: unknown
      try {
        chunk = JSON.parse(json)
      } catch {
        return line
      }
      return this.indexer.normalize(chunk) ? `data: ${JSON.stringify(chunk)}${cr}` : line
    })
    return rewritten === text ? lines : Buffer.from(rewritten)
  }
}
