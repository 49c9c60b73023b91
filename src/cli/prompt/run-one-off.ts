/**
 * One prompt, one reply: read the prompt and attachments, pick the model,
 * send the request (in-process or to `--url`), print the reply as it arrives,
 * then the footer. Returns the exit code; failures throw (UsageError and
 * ConfigError exit 2, anything else 1) after the traffic log is flushed.
 */
import type { EventEmitter } from 'node:events'
import { providerFormats } from '../../formats/registry.js'
import type { OpenAIQuirks } from '../../formats/types.js'
import { responseToEvents } from '../../ir/response-to-events.js'
import type { ClientFormatName, StreamEvent, Usage } from '../../ir/types.js'
import { SSEParser } from '../../util/sse.js'
import { EXIT_OK } from '../exit-codes.js'
import { type Attachment, readAttachments } from './attachments.js'
import { consume, readAll } from './consume.js'
import { EXIT_INTERRUPTED } from './exit-interrupted.js'
import { formatFooter } from './footer.js'
import { inProcessTransport } from './in-process.js'
import { onInterrupt } from './interrupt.js'
import type { OneOffOptions } from './one-off-options.js'
import { type PromptInput, resolvePrompt } from './read-prompt.js'
import { remoteTransport } from './remote.js'
import { EventRenderer } from './render-events.js'
import type { Output } from './style.js'
import type { Transport, WireResponse } from './transport.js'

export interface BodyInput {
  model: string
  prompt: string
  attachments: Attachment[]
  stream: boolean
  quirks: OpenAIQuirks
}

/** What differs between `chat` and `messages`. */
export interface RequestSpec {
  command: 'chat' | 'messages'
  format: ClientFormatName
  endpoint: string
  buildBody(input: BodyInput): Record<string, unknown>
}

export interface OneOffIO {
  stdin: PromptInput
  stdout: Output
  stderr: Output
}

const processIO = (): OneOffIO => ({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr })

/** The request failed upstream or in the gateway: exit 1 with the provider's message. */
export class RequestFailed extends Error {
  override name = 'RequestFailed'
}

interface Outcome {
  usage?: Usage
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

async function renderStream(spec: RequestSpec, response: WireResponse, signal: AbortSignal, renderer: EventRenderer): Promise<Outcome> {
  const parser = new SSEParser()
  const decoder = providerFormats[spec.format].createStreamDecoder()
  let usage: Usage | undefined
  const push = (events: StreamEvent[]) => {
    for (const event of events) {
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
    return { usage, interrupted: true }
  }
  for (const message of parser.end()) push(decoder.decode(message))
  push(decoder.end())
  renderer.end()
  return { usage }
}

async function renderResponse(spec: RequestSpec, response: WireResponse, options: OneOffOptions, io: OneOffIO, signal: AbortSignal): Promise<Outcome> {
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
  const ir = providerFormats[spec.format].responseToIR(JSON.parse(text))
  if (options.json) {
    printJson(text, io.stdout)
  } else {
    const renderer = new EventRenderer({ stdout: io.stdout, stderr: io.stderr, reasoning: options.reasoning !== false })
    for (const event of responseToEvents(ir)) renderer.push(event)
    renderer.end()
  }
  return { usage: ir.usage }
}

async function send(spec: RequestSpec, transport: Transport, prompt: string, attachments: Attachment[], options: OneOffOptions, io: OneOffIO): Promise<number> {
  const model = options.model ?? transport.defaultModel()
  // --json prints the response a non-stream call returns, so it asks for exactly that.
  const stream = options.stream !== false && !options.json
  const body = spec.buildBody({ model, prompt, attachments, stream, quirks: transport.quirksFor(model) })
  const interrupt = onInterrupt(io.stdout as Partial<EventEmitter>)
  const stopped = () => (interrupt.reason === 'output-closed' ? EXIT_OK : EXIT_INTERRUPTED)
  try {
    const started = performance.now()
    let response: WireResponse
    try {
      response = await transport.send({ format: spec.format, endpoint: spec.endpoint, body }, interrupt.signal)
    } catch (error) {
      if (interrupt.signal.aborted) return stopped()
      throw error
    }
    if (interrupt.signal.aborted) return stopped()
    const outcome = await renderResponse(spec, response, options, io, interrupt.signal)
    if (outcome.interrupted) return stopped()
    if (!options.quiet) {
      const provider = response.headers['x-llm-gateway-provider']
      const providerModel = response.headers['x-llm-gateway-model']
      const footer = formatFooter({
        requested: model,
        provider,
        providerModel,
        usage: outcome.usage,
        costUsd: providerModel && outcome.usage ? transport.cost(providerModel, outcome.usage, provider ?? null) : null,
        latencyMs: performance.now() - started,
        id: response.headers['x-llm-gateway-id'],
      })
      io.stderr.write(`${footer}\n`)
    }
    return EXIT_OK
  } finally {
    interrupt.dispose()
  }
}

export async function runOneOff(spec: RequestSpec, promptArgument: string | undefined, options: OneOffOptions, io: OneOffIO = processIO()): Promise<number> {
  const prompt = await resolvePrompt(promptArgument, spec.command, io.stdin)
  const attachments = await readAttachments(options.attach)
  const transport = options.url ? remoteTransport({ url: options.url, key: options.key }) : await inProcessTransport(options)
  try {
    return await send(spec, transport, prompt, attachments, options, io)
  } finally {
    await transport.close()
  }
}
