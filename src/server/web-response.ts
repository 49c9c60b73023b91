/** GatewayResponse -> web Response; streamed bodies become a pull-based ReadableStream. */
import type { GatewayResponse } from '../gateway/types.js'

const encoder = new TextEncoder()

export function toReadableStream(chunks: AsyncIterable<string | Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await iterator.next()
        if (done) controller.close()
        else controller.enqueue(typeof value === 'string' ? encoder.encode(value) : value)
      } catch (error) {
        controller.error(error)
      }
    },
    // The client went away: closing the iterator aborts the upstream request.
    async cancel() {
      await iterator.return?.()
    },
  })
}

export function toWebResponse(response: GatewayResponse): Response {
  const body = typeof response.body === 'string' ? response.body : toReadableStream(response.body)
  return new Response(body, { status: response.status, headers: response.headers })
}
