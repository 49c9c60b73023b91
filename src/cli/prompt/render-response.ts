/**
 * Prints what the gateway answered: an SSE stream event by event as it
 * arrives, a whole JSON response (or, with --json, its text), or an error as
 * RequestFailed carrying the status and the provider's or gateway's message.
 * Both formats go through their own decoders into IR events, so one renderer
 * serves both.
 */
import { providerFormats } from '../../formats/registry.js'
import { responseToEvents } from '../../ir/response-to-events.js'
import type { ClientFormatName, StreamEvent, Usage } from '../../ir/types.js'
import { SSEParser } from '../../util/sse.js'
import { consume, readAll } from './consume.js'
import type { OneOffOptions } from './one-off-options.js'
import { EventRenderer } from './render-events.js'
import type { Output } from './style.js'
import type { WireResponse } from './transport.js'

export interface ResponseSpec {
  format: ClientFormatName
}

export interface ResponseIO {
  stdout: Output
  stderr: Output
}

/** The request failed upstream or in the gateway: exit 1 with the provider's message. */
export class RequestFailed extends Error {
  override name = 'RequestFailed'
}

export interface Outcome {
  usage?: Usage
  /** The model the response names (for the cost when no gateway headers say which model served it). */
  model?: string
  interrupted?: boolean
}

function failure(format: ClientFormatName, status: number, text: string, headers: Record<string, string>): RequestFailed {
  const error = providerFormats[format].errorFromUpstream(status, text, headers)
  return new RequestFailed(`${status} ${error.message}`)
}

function printJson(text: string, out: Output): void {
  try {
    out.write(`${JSON.stringify(JSON.parse(text), null, 2)}\n`)
  } catch {
    out.write(text.endsWith('\n') ? text : `${text}\n`)
  }
}

async function* once(text: string): AsyncGenerator<string> {
  yield text
}

async function renderStream(spec: ResponseSpec, response: WireResponse, signal: AbortSignal, renderer: EventRenderer): Promise<Outcome> {
  const parser = new SSEParser()
  const decoder = providerFormats[spec.format].createStreamDecoder()
  let usage: Usage | undefined
  let model: string | undefined
  const push = (events: StreamEvent[]) => {
    for (const event of events) {
      if (event.type === 'start' && event.model) model ??= event.model
      // Usage arrives in pieces (Anthropic: input at the start, output at the end); finish has it all.
      if (event.type === 'start' || event.type === 'usage' || event.type === 'finish') {
        if (event.usage) usage = { inputTokens: 0, outputTokens: 0, ...usage, ...event.usage }
      }
      renderer.push(event)
    }
  }
  const body = typeof response.body === 'string' ? once(response.body) : response.body
  const consumed = await consume(body, signal, (chunk) => {
    for (const message of parser.push(chunk)) push(decoder.decode(message))
  })
  if (consumed === 'aborted') {
    renderer.endLines()
    return { usage, model, interrupted: true }
  }
  for (const message of parser.end()) push(decoder.decode(message))
  push(decoder.end())
  renderer.end()
  return { usage, model }
}

export async function renderResponse(spec: ResponseSpec, response: WireResponse, options: OneOffOptions, io: ResponseIO, signal: AbortSignal): Promise<Outcome> {
  const contentType = response.headers['content-type'] ?? ''
  if (response.status < 400 && contentType.includes('text/event-stream')) {
    const renderer = new EventRenderer({ stdout: io.stdout, stderr: io.stderr, reasoning: options.reasoning !== false })
    const outcome = await renderStream(spec, response, signal, renderer)
    if (renderer.error) throw new RequestFailed(`${renderer.error.status} ${renderer.error.message}`)
    return outcome
  }
  const text = await readAll(response.body)
  if (response.status >= 400) {
    if (options.json) printJson(text, io.stdout)
    throw failure(spec.format, response.status, text, response.headers)
  }
  const ir = providerFormats[spec.format].responseToIR(parseBody(text, response.status))
  if (options.json) {
    printJson(text, io.stdout)
  } else {
    const renderer = new EventRenderer({ stdout: io.stdout, stderr: io.stderr, reasoning: options.reasoning !== false })
    for (const event of responseToEvents(ir)) renderer.push(event)
    renderer.end()
  }
  return { usage: ir.usage, model: ir.model || undefined }
}

function parseBody(text: string, status: number): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw new RequestFailed(`${status} the answer is not JSON: ${text.trim().slice(0, 120)}`)
  }
}
