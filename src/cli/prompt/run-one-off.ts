/**
 * One prompt, one reply: read the prompt and attachments, pick the model,
 * send the request (in-process or to `--url`), print the reply as it arrives,
 * then the footer. Returns the exit code; failures throw (UsageError and
 * ConfigError exit 2, anything else 1) after the traffic log is flushed.
 */
import type { EventEmitter } from 'node:events'
import type { OpenAIQuirks } from '../../formats/types.js'
import type { ClientFormatName } from '../../ir/types.js'
import { EXIT_OK } from '../exit-codes.js'
import { type Attachment, readAttachments } from './attachments.js'
import { EXIT_INTERRUPTED } from './exit-interrupted.js'
import { formatFooter } from './footer.js'
import { onInterrupt } from './interrupt.js'
import type { OneOffOptions } from './one-off-options.js'
import { type PromptInput, resolvePrompt } from './read-prompt.js'
import { type Outcome, renderResponse } from './render-response.js'
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
    let outcome: Outcome
    try {
      outcome = await renderResponse(spec, response, options, io, interrupt.signal)
    } catch (error) {
      if (interrupt.signal.aborted) return stopped() // the body broke off because we aborted it
      throw error
    }
    if (outcome.interrupted) return stopped()
    if (!options.quiet) {
      const provider = response.headers['x-llm-gateway-provider']
      const providerModel = response.headers['x-llm-gateway-model']
      // Not a gateway (--url at a provider): price the model the response names.
      const pricedModel = providerModel ?? outcome.model
      const footer = formatFooter({
        requested: model,
        provider,
        providerModel,
        usage: outcome.usage,
        costUsd: pricedModel && outcome.usage ? transport.cost(pricedModel, outcome.usage, provider ?? null) : null,
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
  // Each transport loads only when used: --url needs none of the gateway's providers or routing.
  const transport = options.url
    ? (await import('./remote.js')).remoteTransport({ url: options.url, key: options.key })
    : await (await import('./in-process.js')).inProcessTransport(options)
  try {
    return await send(spec, transport, prompt, attachments, options, io)
  } finally {
    await transport.close()
  }
}
