/**
 * Reads a response body chunk by chunk until it ends or the signal aborts.
 * On abort it stops at once rather than waiting for the next chunk, then
 * gives the body a moment to wind down (so the gateway can log the request
 * as cancelled) before returning.
 */
export type Consumed = 'done' | 'aborted'

const WIND_DOWN_MS = 2000

function abortedPromise(signal: AbortSignal): Promise<'aborted'> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve('aborted')
    else signal.addEventListener('abort', () => resolve('aborted'), { once: true })
  })
}

export async function consume<T>(body: AsyncIterable<T>, signal: AbortSignal, onChunk: (chunk: T) => void): Promise<Consumed> {
  const iterator = body[Symbol.asyncIterator]()
  const aborted = abortedPromise(signal)
  for (;;) {
    let next: IteratorResult<T> | 'aborted'
    try {
      next = await Promise.race([iterator.next(), aborted])
    } catch (error) {
      if (signal.aborted) return 'aborted'
      throw error
    }
    if (next === 'aborted') break
    if (next.done) return 'done'
    onChunk(next.value)
  }
  const windDown = Promise.resolve(iterator.return?.()).catch(() => undefined)
  let timer: NodeJS.Timeout | undefined
  await Promise.race([windDown, new Promise((resolve) => (timer = setTimeout(resolve, WIND_DOWN_MS)))])
  clearTimeout(timer)
  return 'aborted'
}

export async function readAll(body: string | AsyncIterable<string | Uint8Array>): Promise<string> {
  if (typeof body === 'string') return body
  const decoder = new TextDecoder()
  let text = ''
  for await (const chunk of body) text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })
  return text + decoder.decode()
}
