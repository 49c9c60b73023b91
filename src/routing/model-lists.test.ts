import { describe, expect, it } from 'vitest'
import { configOf, stubProviders } from '../../test/routing/stubs.js'
import { ModelListCache } from './model-lists.js'

/** A provider whose list answers are scripted; counts calls. */
function setup(answers: Array<string[] | Error>, settings = { refreshMs: 60_000, waitMs: 500 }) {
  const clock = { now: 0 }
  let calls = 0
  const config = configOf({ providers: { local: { type: 'openai', baseURL: 'http://127.0.0.1:8000/v1' }, mock: { type: 'mock' } } })
  const providers = stubProviders(config, {
    local: {
      listModels: async () => {
        const answer = answers[Math.min(calls++, answers.length - 1)]
        if (answer instanceof Error) throw answer
        return answer
      },
    },
  })
  const cache = new ModelListCache(providers, settings, () => clock.now)
  return { cache, clock, calls: () => calls }
}

const tick = () => new Promise((resolve) => setImmediate(resolve))

describe('ModelListCache', () => {
  it('fetches on first need, waits for the first list, then answers from memory', async () => {
    const { cache, calls } = setup([['Llama3.2:3b']])
    expect(cache.find('llama3.2:3b')).toEqual([]) // not in yet: a lookup never waits
    expect(await cache.settle()).toBe(true)
    expect(cache.find('llama3.2:3b').map((m) => m.model)).toEqual(['Llama3.2:3b'])
    expect(cache.has('local', 'LLAMA3.2:3B')).toBe(true)
    expect(cache.has('local', 'other')).toBe(false)
    expect(cache.has('mock', 'echo')).toBeUndefined() // the mock has no list
    expect(calls()).toBe(1)
  })

  it('refreshes a stale list in the background while serving the old one', async () => {
    const { cache, clock, calls } = setup([['old-model'], ['new-model']])
    await cache.settle()
    clock.now += 60_001
    expect(cache.find('old-model')).toHaveLength(1) // stale but served
    await tick()
    expect(calls()).toBe(2)
    expect(cache.find('new-model')).toHaveLength(1)
    expect(cache.find('old-model')).toHaveLength(0)
    expect(await cache.settle()).toBe(false) // nothing loading for the first time: no wait
  })

  it('retries a failed fetch after a pause, and reports the error meanwhile', async () => {
    const { cache, clock, calls } = setup([new Error('connect ECONNREFUSED'), ['late-model']])
    await cache.settle()
    expect(cache.status()).toEqual([{ provider: 'local', models: null, error: 'connect ECONNREFUSED' }])
    cache.find('late-model')
    expect(calls()).toBe(1) // too soon to try again
    clock.now += 30_000
    cache.find('late-model')
    await tick()
    expect(calls()).toBe(2)
    expect(cache.find('late-model')).toHaveLength(1)
  })

  it('lists everything once the first lists are in', async () => {
    const { cache } = setup([['a', 'b']])
    expect((await cache.all()).map((m) => `${m.provider.name}/${m.model}`)).toEqual(['local/a', 'local/b'])
  })

  it('never fetches with refreshMs: 0', async () => {
    const { cache, calls } = setup([['a']], { refreshMs: 0, waitMs: 500 })
    expect(await cache.all()).toEqual([])
    expect(cache.has('local', 'a')).toBeUndefined()
    expect(calls()).toBe(0)
  })
})
