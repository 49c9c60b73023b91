/**
 * Incremental Server-Sent Events parsing and framing. The parser accepts bytes
 * or text in arbitrary slices (a network chunk may end mid-line or mid-character)
 * and yields whole messages as soon as their blank line arrives.
 */
import type { SSEMessage } from '../formats/types.js'

export class SSEParser {
  private readonly decoder = new TextDecoder()
  private buffer = ''
  private event: string | undefined
  private id: string | undefined
  private data: string[] = []

  /** Feed a chunk; returns the messages it completed. */
  push(chunk: Uint8Array | string): SSEMessage[] {
    this.buffer += typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true })
    const messages: SSEMessage[] = []
    let start = 0
    for (;;) {
      const newline = this.buffer.indexOf('\n', start)
      if (newline === -1) break
      let line = this.buffer.slice(start, newline)
      if (line.endsWith('\r')) line = line.slice(0, -1)
      start = newline + 1
      const message = this.line(line)
      if (message) messages.push(message)
    }
    this.buffer = this.buffer.slice(start)
    return messages
  }

  /** Flush at end of input: a final message without its blank line still counts. */
  end(): SSEMessage[] {
    const rest = this.buffer + this.decoder.decode()
    this.buffer = ''
    const messages: SSEMessage[] = []
    if (rest.length > 0) {
      const message = this.line(rest.endsWith('\r') ? rest.slice(0, -1) : rest)
      if (message) messages.push(message)
    }
    const last = this.dispatch()
    if (last) messages.push(last)
    return messages
  }

  private line(line: string): SSEMessage | undefined {
    if (line === '') return this.dispatch()
    if (line.startsWith(':')) return undefined // comment / keep-alive
    const colon = line.indexOf(':')
    const field = colon === -1 ? line : line.slice(0, colon)
    let value = colon === -1 ? '' : line.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    if (field === 'data') this.data.push(value)
    else if (field === 'event') this.event = value
    else if (field === 'id') this.id = value
    return undefined
  }

  private dispatch(): SSEMessage | undefined {
    if (this.data.length === 0) {
      this.event = undefined
      return undefined
    }
    const message: SSEMessage = { data: this.data.join('\n') }
    if (this.event !== undefined) message.event = this.event
    if (this.id !== undefined) message.id = this.id
    this.event = undefined
    this.id = undefined
    this.data = []
    return message
  }
}

/** Frame one SSE message: `event: name\ndata: json\n\n` (event line omitted when absent). */
export function sseFrame(data: string, event?: string): string {
  return event === undefined ? `data: ${data}\n\n` : `event: ${event}\ndata: ${data}\n\n`
}
