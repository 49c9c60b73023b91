/**
 * The pooled keep-alive HTTP client every HTTP provider uses: an undici Agent
 * driven through its low-level dispatch API. One client per provider, so each
 * provider's timeouts apply to its own connections. Network failures become
 * GatewayErrors whose messages name the provider and never carry secrets.
 *
 * Why dispatch and not undici's request(): request() wraps every call in an
 * AsyncResource, a body stream and a promise chain, ~25 µs of CPU per call on
 * the benchmark machine (bench/). Here a whole body (the non-streaming case)
 * is collected straight from the socket callbacks; a Node stream is only built
 * when a caller reads `body`, as the streaming paths do.
 */
import type { Readable } from 'node:stream'
import { Agent, type Dispatcher, errors as undiciErrors } from 'undici'
import type { ProviderTimeouts } from '../../config/types.js'
import { GatewayError } from '../../ir/errors.js'
import { headerRecord } from '../../util/header-record.js'
import { readableFrom } from '../body-feed.js'
import type { BodyFeed, BodySink, UpstreamResponse } from '../types.js'

export interface UpstreamCall {
  url: string
  method?: 'GET' | 'POST'
  headers: Record<string, string>
  body?: string
  signal: AbortSignal
}

export interface UpstreamClient {
  send(call: UpstreamCall): Promise<UpstreamResponse>
  close(): Promise<void>
}

/** Where a URL points, without path or query (which may carry keys). */
function origin(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return 'the provider'
  }
}

export function networkError(error: unknown, provider: string, url: string, timeouts: ProviderTimeouts): GatewayError {
  const where = `provider '${provider}' (${origin(url)})`
  const code = (error as { code?: string })?.code ?? ''
  const options = { provider, cause: error }
  if ((error as Error)?.name === 'AbortError' || error instanceof undiciErrors.RequestAbortedError) {
    return new GatewayError('cancelled', 'The request was cancelled by the client', options)
  }
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new GatewayError('timeout', `Timed out connecting to ${where} after ${timeouts.connectMs} ms`, { ...options, status: 504 })
    case 'UND_ERR_HEADERS_TIMEOUT':
      return new GatewayError('timeout', `No response from ${where} within ${timeouts.firstByteMs} ms`, { ...options, status: 504 })
    case 'UND_ERR_BODY_TIMEOUT':
      return new GatewayError('timeout', `${where} stopped sending for ${timeouts.idleMs} ms`, { ...options, status: 504 })
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new GatewayError('bad_gateway', `Cannot resolve the host of ${where} (${code})`, options)
    case 'ECONNREFUSED':
      return new GatewayError('bad_gateway', `Connection refused by ${where}`, options)
    default: {
      const detail = code || (error instanceof Error ? error.message : 'network error')
      return new GatewayError('bad_gateway', `Cannot reach ${where}: ${detail}`, options)
    }
  }
}

/** Bytes held for a body nobody reads yet before the socket is paused. */
const UNREAD_LIMIT = 1024 * 1024

/** A call's URL split the way dispatch wants it; providers call few distinct URLs, so they are cached. */
const targets = new Map<string, { origin: string; path: string }>()
function target(url: string): { origin: string; path: string } {
  let found = targets.get(url)
  if (!found) {
    const parsed = new URL(url)
    found = { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` }
    if (targets.size >= 512) targets.clear()
    targets.set(url, found)
  }
  return found
}

/**
 * One upstream exchange. Resolves `head` with the response once its headers
 * arrive (rejects when the request fails before that); the body is then
 * either collected whole (`text()`), handed chunk by chunk to a sink
 * (`consume()`, straight from undici's callbacks) or streamed (`stream()`, a
 * Readable over the same sink), whichever the caller asks for first.
 *
 * Undici keeps a finished handler reachable for a while, so an exchange lets
 * go of everything request-sized once it is done (undici's controller, the
 * caller's callbacks, its sink): otherwise each one dragged its request's
 * objects through the young-generation GC into old space (a bare proxy on
 * this client: 2.5 MB promoted per scavenge; 0.13 letting go).
 */
class Exchange implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | undefined
  private abortReason: Error | undefined
  /** What arrived before anyone read the body (or while handing it to a new sink). */
  private chunks: Buffer[] = []
  private unread = 0
  private ended = false
  private failure: Error | undefined
  /** Who the body is being handed to. */
  private sink: BodySink | undefined
  /** A sink was just given and what arrived before it is yet to be handed over (next tick). */
  private catchingUp = false
  private whole: { resolve(text: string): void; reject(error: Error): void } | undefined
  /** The caller's callbacks, until the head (or an early failure) arrives. */
  private onHead: ((status: number, headers: Record<string, string>) => void) | undefined
  private onEarlyError: ((error: Error) => void) | undefined

  constructor(
    private readonly signal: AbortSignal,
    onHead: (status: number, headers: Record<string, string>) => void,
    onEarlyError: (error: Error) => void,
  ) {
    this.onHead = onHead
    this.onEarlyError = onEarlyError
    signal.addEventListener('abort', this.abort, { once: true })
  }

  /** The caller gave up (client gone, deadline): abort, now or as soon as the request is on a socket. */
  readonly abort = (): void => {
    this.abortReason = new undiciErrors.RequestAbortedError()
    this.controller?.abort(this.abortReason)
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller
    if (this.abortReason) controller.abort(this.abortReason)
  }

  onResponseStart(_controller: Dispatcher.DispatchController, status: number, headers: Record<string, string | string[] | undefined>): void {
    if (status < 200) return // informational (100 Continue); the real head follows
    const onHead = this.onHead!
    this.onHead = this.onEarlyError = undefined
    onHead(status, headerRecord(headers))
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.sink && !this.catchingUp) {
      if (!this.sink.chunk(chunk)) controller.pause()
      return
    }
    this.chunks.push(chunk)
    this.unread += chunk.length
    // Nobody is reading yet and the body is large: let the socket wait.
    if (!this.whole && !this.sink && this.unread > UNREAD_LIMIT) controller.pause()
  }

  onResponseEnd(): void {
    this.ended = true
    if (this.catchingUp) return // the catch-up hands the end on
    const { sink, whole } = this
    this.release()
    if (sink) sink.end()
    else if (whole) whole.resolve(this.joined())
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    const { onEarlyError, sink, whole } = this
    if (onEarlyError) {
      this.release()
      return onEarlyError(error)
    }
    this.failure = error
    if (this.catchingUp) return // the catch-up hands the failure on
    this.release()
    if (sink) sink.error(error)
    else if (whole) whole.reject(error)
  }

  /** The whole body as text; `body` is the response's stream when the caller already took it. */
  text(body: Readable | undefined): Promise<string> {
    if (this.ended) return Promise.resolve(this.joined())
    if (this.failure) return Promise.reject(this.failure)
    if (body) return readStream(body)
    this.controller?.resume()
    return new Promise((resolve, reject) => {
      this.whole = { resolve, reject }
    })
  }

  /**
   * The body into `sink`, chunk by chunk as undici delivers it (the response
   * asks once). What arrived before is handed over on the next tick, never
   * inside this call, as a stream would: the caller is still setting up.
   */
  consume(sink: BodySink): BodyFeed {
    this.sink = sink
    if (this.chunks.length > 0 || this.ended || this.failure) {
      this.catchingUp = true
      process.nextTick(this.catchUp)
    } else {
      this.controller?.resume()
    }
    return { resume: this.resume, abort: this.stop }
  }

  /** The body as a Node stream (the response asks once), fed through consume(). */
  stream(): Readable {
    return readableFrom((sink) => this.consume(sink))
  }

  /** Hand a new sink what arrived before it, then the end or failure if that came too. */
  private readonly catchUp = (): void => {
    this.catchingUp = false
    const chunks = this.chunks
    this.chunks = []
    this.unread = 0
    let more = true
    for (const chunk of chunks) {
      // The sink may abort from inside chunk(): nothing more reaches it then.
      if (!this.sink) return
      more = this.sink.chunk(chunk)
    }
    const sink = this.sink
    if (!sink) return
    if (this.ended || this.failure) {
      this.release()
      return this.ended ? sink.end() : sink.error(this.failure!)
    }
    if (more) this.controller?.resume()
    else this.controller?.pause()
  }

  /** The sink is ready for more. */
  private readonly resume = (): void => {
    if (this.sink) this.controller?.resume()
  }

  /** The sink is gone: abort the upstream unless it already finished, and hand nothing more on. */
  private readonly stop = (): void => {
    const controller = this.controller
    const finished = this.ended || this.failure !== undefined
    this.release()
    this.chunks = []
    if (!finished) controller?.abort(new undiciErrors.RequestAbortedError())
  }

  private joined(): string {
    const text = this.chunks.length === 1 ? this.chunks[0].toString('utf8') : Buffer.concat(this.chunks).toString('utf8')
    this.chunks = []
    return text
  }

  /** Done with the upstream: stop listening for the caller's abort, and let go of what is request-sized. */
  private release(): void {
    this.signal.removeEventListener('abort', this.abort)
    this.controller = undefined
    this.onHead = this.onEarlyError = undefined
    this.sink = undefined
    this.whole = undefined
  }
}

/** What send() resolves with: the body streamed on first use, or read whole without a stream (readText). */
class DispatchedResponse implements UpstreamResponse {
  readonly #exchange: Exchange
  #body: Readable | undefined

  constructor(
    readonly status: number,
    readonly headers: Record<string, string>,
    exchange: Exchange,
  ) {
    this.#exchange = exchange
  }

  get body(): Readable {
    return (this.#body ??= this.#exchange.stream())
  }

  consume(sink: BodySink): BodyFeed {
    return this.#exchange.consume(sink)
  }

  text(): Promise<string> {
    return this.#exchange.text(this.#body)
  }
}

export function createUpstreamClient(provider: string, timeouts: ProviderTimeouts): UpstreamClient {
  const agent = new Agent({
    connect: { timeout: timeouts.connectMs },
    headersTimeout: timeouts.firstByteMs,
    bodyTimeout: timeouts.idleMs,
    keepAliveTimeout: 30_000,
    connections: 256,
  })
  return {
    send(call) {
      const fail = (error: unknown) => networkError(error, provider, call.url, timeouts)
      return new Promise<UpstreamResponse>((resolve, reject) => {
        if (call.signal.aborted) return reject(fail(new undiciErrors.RequestAbortedError()))
        const exchange = new Exchange(
          call.signal,
          (status, headers) => resolve(new DispatchedResponse(status, headers, exchange)),
          (error) => reject(fail(error)),
        )
        try {
          const { origin, path } = target(call.url)
          agent.dispatch({ origin, path, method: call.method ?? 'POST', headers: call.headers, body: call.body }, exchange)
        } catch (error) {
          exchange.abort()
          reject(fail(error))
        }
      })
    },
    close: () => agent.close(),
  }
}

function readStream(body: Readable): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    body.on('data', (chunk: Buffer) => chunks.push(chunk))
    body.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    body.once('error', reject)
  })
}

/** Read a whole (small) body as text; mid-body network failures reject (callers map them with networkError). */
export function readText(response: UpstreamResponse): Promise<string> {
  return response instanceof DispatchedResponse ? response.text() : readStream(response.body)
}
