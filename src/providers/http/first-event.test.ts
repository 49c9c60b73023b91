import { describe, expect, it } from 'vitest'
import { GatewayError } from '../../ir/errors.js'
import type { StreamEvent } from '../../ir/types.js'
import { failBeforeFirstEvent } from './first-event.js'

async function* from(events: StreamEvent[], finished: { value: boolean }): AsyncGenerator<StreamEvent> {
  try {
    yield* events
  } finally {
    finished.value = true
  }
}

async function collect(events: AsyncIterable<StreamEvent>): Promise<StreamEvent[]> {
  const out: StreamEvent[] = []
  for await (const event of events) out.push(event)
  return out
}

describe('failBeforeFirstEvent', () => {
  it('hands over the whole stream, first event included, when it starts well', async () => {
    const events: StreamEvent[] = [
      { type: 'start', id: 'msg_1', model: 'claude-sonnet-4-5' },
      { type: 'text_delta', index: 0, text: 'Hi' },
      { type: 'error', error: new GatewayError('overloaded', 'later failure') },
    ]
    expect(await collect(await failBeforeFirstEvent(from(events, { value: false }), 'claude'))).toEqual(events)
  })

  it('throws a first-event error, with the provider named, and closes the upstream stream', async () => {
    const finished = { value: false }
    const upstream = new GatewayError('overloaded', 'Overloaded', { upstreamType: 'overloaded_error' })
    const failure = await failBeforeFirstEvent(from([{ type: 'error', error: upstream }], finished), 'claude').catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(GatewayError)
    expect(failure).toMatchObject({ kind: 'overloaded', status: 529, message: 'Overloaded', upstreamType: 'overloaded_error', provider: 'claude' })
    expect(finished.value).toBe(true)
  })

  it('an empty stream stays empty', async () => {
    expect(await collect(await failBeforeFirstEvent(from([], { value: false }), 'x'))).toEqual([])
  })
})
