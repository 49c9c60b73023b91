/**
 * The gateway `serve` runs: one that can be replaced while it serves, and
 * stopped without dropping work.
 * - swap(): a reloaded config's gateway takes every new request; requests
 *   already running finish on the old one, which is closed (its connections,
 *   timers and log writer) once the last of them is done.
 * - stopTaking(): during shutdown, new requests get a 503 in their format.
 * - cut(): at the shutdown deadline, every request still running is aborted
 *   with a "shutting down" error as the reason (see abort-reason.ts): a stream
 *   ends with its format's error event, a waiting request gets a 503, so no
 *   client is left with a silently truncated answer.
 */
import type { GatewayConfig } from '../config/types.js'
import { clientFormats } from '../formats/registry.js'
import { GatewayError } from '../ir/errors.js'
import { toNodeStream } from '../util/node-stream.js'
import type { Gateway } from './create-gateway.js'
import { errorResponse } from './handle-request.js'
import type { GatewayResponse, InboundRequest } from './types.js'

export interface HotGateway extends Gateway {
  /** Serve new requests with `next`; the current one closes once its requests are done. */
  swap(next: Gateway): void
  /** Answer new requests with a 503 (shutting down). */
  stopTaking(): void
  /** Abort every request still running (the shutdown deadline passed). */
  cut(): void
  /** Requests running, across the current and any draining gateway. */
  inFlight(): number
}

const shuttingDown = () => new GatewayError('overloaded', 'The gateway is shutting down; retry shortly', { status: 503, code: 'shutting_down' })

interface Slot {
  gateway: Gateway
  running: number
  /** Set once it was swapped out: close it when `running` reaches 0. */
  retired: boolean
  closing?: Promise<void>
}

const noop = () => {}

/** A controller of our own that aborts when the caller's signal does (until detached). */
function follow(signal: AbortSignal): { controller: AbortController; detach: () => void } {
  const controller = new AbortController()
  const onAbort = () => controller.abort(signal.reason)
  if (signal.aborted) controller.abort(signal.reason)
  else signal.addEventListener('abort', onAbort, { once: true })
  return { controller, detach: () => signal.removeEventListener('abort', onAbort) }
}

export function createHotGateway(initial: Gateway): HotGateway {
  let current: Slot = { gateway: initial, running: 0, retired: false }
  const slots = new Set<Slot>([current])
  /** One controller per running request (the caller's when it offers one), so cut() can reach them all. */
  const running = new Set<AbortController>()
  let taking = true

  function closeIfIdle(slot: Slot): void {
    if (!slot.retired || slot.running > 0 || slot.closing) return
    slot.closing = slot.gateway.close().finally(() => slots.delete(slot))
  }

  function done(slot: Slot, controller: AbortController, detach: () => void): void {
    running.delete(controller)
    detach()
    slot.running--
    closeIfIdle(slot)
  }

  async function handle(request: InboundRequest): Promise<GatewayResponse> {
    if (!taking) return errorResponse(clientFormats[request.format], shuttingDown(), { connection: 'close' })
    const slot = current
    slot.running++
    const { controller, detach } = request.controller?.signal === request.signal ? { controller: request.controller, detach: noop } : follow(request.signal)
    running.add(controller)
    const finish = () => done(slot, controller, detach)
    let response: GatewayResponse
    try {
      response = await slot.gateway.handle(controller.signal === request.signal ? request : { ...request, signal: controller.signal, controller })
    } catch (error) {
      finish()
      throw error
    }
    if (typeof response.body === 'string') {
      finish()
      return response
    }
    // A stream is done when it closes (ended, or destroyed by the client leaving). As a Node
    // stream it is what the server pipes anyway: no extra hop per chunk.
    const body = toNodeStream(response.body)
    body.once('close', finish)
    return { ...response, body }
  }

  return {
    get config(): GatewayConfig {
      return current.gateway.config
    },
    get providers() {
      return current.gateway.providers
    },
    get runtime() {
      return current.gateway.runtime
    },
    get routing() {
      return current.gateway.routing
    },
    handle,
    swap(next) {
      const previous = current
      current = { gateway: next, running: 0, retired: false }
      slots.add(current)
      previous.retired = true
      closeIfIdle(previous)
    },
    stopTaking() {
      taking = false
    },
    cut() {
      // The reason reaches whoever notices the abort: streams end with it as an error event, waiting requests answer with it.
      const reason = shuttingDown()
      for (const controller of running) controller.abort(reason)
    },
    inFlight: () => running.size,
    async close() {
      taking = false
      await Promise.all(
        [...slots].map((slot) => {
          slot.retired = true
          return (slot.closing ??= slot.gateway.close())
        }),
      )
    },
  }
}
