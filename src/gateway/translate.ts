/**
 * The translated path: client format -> IR -> provider, and back. Streams are
 * translated event by event as they arrive; each upstream event reaches the
 * client as soon as it is encoded.
 */
import { ResponseAccumulator } from '../ir/accumulate.js'
import { GatewayError } from '../ir/errors.js'
import type { StreamEvent } from '../ir/types.js'
import type { Target } from '../routing/types.js'
import { gatewayAbortReason } from './abort-reason.js'
import { type AttemptContext, JSON_HEADERS, SSE_HEADERS } from './attempt.js'
import type { GatewayResponse } from './types.js'

const CONTENT_EVENTS = new Set<StreamEvent['type']>(['text_delta', 'thinking_delta', 'tool_call_start', 'redacted_thinking'])

async function* encodeStream(context: AttemptContext, target: Target, events: AsyncIterable<StreamEvent>): AsyncGenerator<string> {
  const { client, trace } = context
  const ir = context.ir()
  const encoder = client.createStreamEncoder({ model: target.model, includeUsage: ir.includeUsage })
  const accumulator = new ResponseAccumulator()
  let ended = false
  try {
    for await (let event of events) {
      if (event.type === 'error' && (event.error.kind === 'cancelled' || context.signal.aborted)) {
        const stoppedBy = gatewayAbortReason(context.signal)
        // The client left (its abort ended the upstream read): nobody to tell, log it as cancelled.
        if (!stoppedBy) return
        // The gateway stopped it (shutdown): tell the client why.
        event = { type: 'error', error: stoppedBy }
      }
      accumulator.push(event)
      if (event.type === 'error') {
        trace.firstByte()
        ended = true
        yield client.renderStreamError(event.error)
        return
      }
      const text = encoder.encode(event)
      if (text) {
        if (CONTENT_EVENTS.has(event.type)) trace.firstByte()
        yield text
      }
    }
    ended = true
    yield encoder.end()
  } finally {
    const cancelled = !ended
    trace.finish(() => {
      const response = accumulator.result()
      return {
        status: cancelled ? 499 : 200,
        usage: response.usage,
        response: client.responseFromIR(response, { model: response.model || target.model }),
        error: cancelled ? new GatewayError('cancelled', 'The client disconnected before the stream ended') : accumulator.error,
        cancelled,
      }
    })
  }
}

export async function translated(context: AttemptContext, target: Target): Promise<GatewayResponse> {
  const { client, trace, inbound } = context
  const ir = context.ir()
  const options = { model: target.model, clientHeaders: inbound.headers, signal: context.signal }
  if (ir.stream) {
    const events = await target.provider.stream(ir, options)
    return { status: 200, headers: { ...SSE_HEADERS }, body: encodeStream(context, target, events) }
  }
  const response = await target.provider.generate(ir, options)
  const body = client.responseFromIR(response, { model: target.model })
  const text = JSON.stringify(body)
  trace.firstByte()
  trace.finish(() => ({ status: 200, usage: response.usage, response: body, responseText: text }))
  return { status: 200, headers: { ...JSON_HEADERS }, body: text }
}
