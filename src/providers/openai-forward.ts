/**
 * The fast path to an OpenAI-compatible service, with its quirks folded in:
 * the client's body loses the fields the service rejects (forward-quirks.ts),
 * and a streamed answer's tool-call indices are renumbered from 0 when the
 * service counts otherwise (tool-call-indices.ts), so OpenAI SDK clients can
 * assemble the calls. Only `data:` lines that carry tool calls with the wrong
 * index are rewritten; every other byte passes through as it came, as soon as
 * its line is complete.
 */
import { Transform, type TransformCallback } from 'node:stream'
import { StringDecoder } from 'node:string_decoder'
import { applyQuirksToBody } from '../formats/openai-chat/forward-quirks.js'
import { ToolCallIndexer } from '../formats/openai-chat/tool-call-indices.js'
import type { OpenAIQuirks } from '../formats/types.js'
import type { ForwardRequest, UpstreamResponse } from './types.js'

export type Forward = (request: ForwardRequest) => Promise<UpstreamResponse>

export function forwardWithQuirks(forward: Forward, quirks: OpenAIQuirks): Forward {
  return async (request) => {
    const response = await forward({ ...request, body: applyQuirksToBody(request.body, quirks) })
    if (!request.stream || response.status >= 300 || !isEventStream(response)) return response
    const body = response.body.pipe(new ToolCallIndexStream())
    // Closing the relayed body must still release the upstream connection.
    body.on('close', () => response.body.destroy())
    response.body.on('error', (error) => body.destroy(error))
    return { ...response, body }
  }
}

function isEventStream(response: UpstreamResponse): boolean {
  return (response.headers['content-type'] ?? '').includes('text/event-stream')
}

export class ToolCallIndexStream extends Transform {
  private readonly decoder = new StringDecoder('utf8')
  private readonly indexer = new ToolCallIndexer()
  /** The incomplete last line, held until its newline arrives. */
  private pending = ''

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const text = this.pending + this.decoder.write(chunk)
    const cut = text.lastIndexOf('\n') + 1
    this.pending = text.slice(cut)
    if (cut > 0) this.push(this.rewrite(text.slice(0, cut)))
    callback()
  }

  override _flush(callback: TransformCallback): void {
    const rest = this.pending + this.decoder.end()
    if (rest) this.push(this.rewrite(rest))
    callback()
  }

  private rewrite(lines: string): string {
    if (!lines.includes('"tool_calls"')) return lines
    return lines.replace(/^data:[ \t]?(.*?)(\r?)$/gm, (line, json: string, cr: string) => {
      if (!json.includes('"tool_calls"')) return line
      let chunk: unknown
      try {
        chunk = JSON.parse(json)
      } catch {
        return line
      }
      return this.indexer.normalize(chunk) ? `data: ${JSON.stringify(chunk)}${cr}` : line
    })
  }
}
