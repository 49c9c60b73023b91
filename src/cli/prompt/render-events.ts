/**
 * Prints a reply as it arrives, from IR stream events (whatever the wire
 * format): text to stdout, thinking to stderr (dimmed on a terminal, or not
 * at all), tool calls on stdout as `tool call: NAME {json arguments}` once
 * their arguments are complete. Keeps track of where each stream's line ends
 * so the two never run into each other on one terminal.
 */
import type { GatewayError } from '../../ir/errors.js'
import type { StreamEvent } from '../../ir/types.js'
import { type Output, colorsOn, dim } from './style.js'

export interface RenderOptions {
  stdout: Output
  stderr: Output
  /** false: thinking is not shown (`--no-reasoning`). */
  reasoning: boolean
  env?: NodeJS.ProcessEnv
}

interface PendingToolCall {
  name: string
  json: string
}

/** Compact JSON for arguments that parse, the raw text for those that do not. */
export function formatArguments(json: string): string {
  if (json.trim() === '') return '{}'
  try {
    return JSON.stringify(JSON.parse(json))
  } catch {
    return json
  }
}

class LineTracker {
  atLineStart = true
  constructor(readonly out: Output) {}
  write(text: string): void {
    if (text === '') return
    this.out.write(text)
    this.atLineStart = text.endsWith('\n')
  }
  endLine(): void {
    if (!this.atLineStart) this.write('\n')
  }
}

export class EventRenderer {
  /** The first error event, if the stream carried one. */
  error: GatewayError | undefined
  private readonly stdout: LineTracker
  private readonly stderr: LineTracker
  private readonly dimmed: boolean
  private readonly tools = new Map<number, PendingToolCall>()

  constructor(private readonly options: RenderOptions) {
    this.stdout = new LineTracker(options.stdout)
    this.stderr = new LineTracker(options.stderr)
    this.dimmed = colorsOn(options.stderr, options.env)
  }

  push(event: StreamEvent): void {
    switch (event.type) {
      case 'text_delta':
        this.stderr.endLine()
        this.stdout.write(event.text)
        break
      case 'thinking_delta':
        if (!this.options.reasoning) break
        this.stdout.endLine()
        this.stderr.write(dim(event.text, this.dimmed))
        break
      case 'redacted_thinking':
        if (!this.options.reasoning) break
        this.stdout.endLine()
        this.stderr.endLine()
        this.stderr.write(`${dim('[redacted thinking]', this.dimmed)}\n`)
        break
      case 'tool_call_start':
        this.tools.set(event.index, { name: event.name, json: '' })
        break
      case 'tool_call_delta': {
        const call = this.tools.get(event.index)
        if (call) call.json += event.json
        break
      }
      case 'part_end':
        this.printToolCall(event.index)
        break
      case 'error':
        this.error ??= event.error
        break
      default:
        break
    }
  }

  /** After the last event: tool calls never closed are printed, and both streams end their line. */
  end(): void {
    for (const index of [...this.tools.keys()]) this.printToolCall(index)
    this.endLines()
  }

  /** Leave both streams at the start of a line (also when the reply was cut short). */
  endLines(): void {
    this.stderr.endLine()
    this.stdout.endLine()
  }

  private printToolCall(index: number): void {
    const call = this.tools.get(index)
    if (!call) return
    this.tools.delete(index)
    this.stderr.endLine()
    this.stdout.endLine()
    this.stdout.write(`tool call: ${call.name} ${formatArguments(call.json)}\n`)
  }
}
