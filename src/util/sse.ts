/**
 * Incremental Server-Sent Events parsing and framing. The parser accepts bytes
 * or text in arbitrary slices (a network chunk may end mid-line or mid-character)
 * and yields whole messages as soon as their blank line arrives.
 */
import { StringDecoder } from 'node:string_decoder'
import type { SSEMessage } from '../formats/types.js'

const BOM = 0xfeff

export class SSEParser {
  /** Node's decoder: ~4x cheaper per chunk than TextDecoder in stream mode, same output but for the BOM (handled below). */
  private readonly decoder = new StringDecoder('utf8')
  /** A byte stream's leading BOM is dropped, as TextDecoder and the SSE spec do. */
  private bomChecked = false
  private buffer = ''
  private event: string | undefined
  private id: string | undefined
  private data: string[] = []

  /** Feed a chunk; returns the messages it completed. */
  push(chunk: Uint8Array | string): SSEMessage[] {
    this.buffer += typeof chunk === 'string' ? chunk : this.decoded(this.decoder.write(chunk as Buffer))
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
    const rest = this.buffer + this.decoded(this.decoder.end())
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

  private decoded(text: string): string {
    if (this.bomChecked || text.length === 0) return text
    this.bomChecked = true
    return text.charCodeAt(0) === BOM ? text.slice(1) : text
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
