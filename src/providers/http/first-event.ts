/**
 * Some upstreams answer a failure with a 200 stream whose first event is the
 * failure: Gemini for a prompt it blocks outright, Anthropic for an overload,
 * OpenAI-compatible servers with an error chunk. A translated stream is handed
 * over only once its first event is known, and a failure there is thrown like
 * an HTTP error: the client gets a proper error status, and routing may still
 * fall back, since nothing has reached the client yet.
 */
import type { StreamEvent } from '../../ir/types.js'

/** The stream, once its first event is in; throws when that event is an error. */
export async function failBeforeFirstEvent(events: AsyncIterable<StreamEvent>, provider: string): Promise<AsyncIterable<StreamEvent>> {
  const iterator = events[Symbol.asyncIterator]()
  const first = await iterator.next()
  if (!first.done && first.value.type === 'error') {
    await iterator.return?.()
    const error = first.value.error
    throw error.with({ provider: error.provider ?? provider, cause: error })
  }
  return (async function* () {
    if (first.done) return
    yield first.value
    yield* { [Symbol.asyncIterator]: () => iterator }
  })()
}
