import { describe, expect, it } from 'vitest'
import { GatewayError } from '../ir/errors.js'
import type { AttemptRecord } from '../log/record.js'
import type { Provider } from '../providers/types.js'
import { BreakerRegistry } from './breaker.js'
import { runWithFallback, type FallbackOptions } from './fallback.js'
import type { Target } from './types.js'

const target = (provider: string, model = 'm'): Target => ({ provider: { name: provider } as Provider, model })

type Outcome = GatewayError | 'ok'

/** A run function that answers from a script per provider, and a fake clock that sleeping advances. */
function harness(script: Record<string, Outcome[]>, settings: Partial<NonNullable<FallbackOptions['settings']>> = {}) {
  const clock = { now: 0 }
  const waits: number[] = []
  const calls: string[] = []
  const options: FallbackOptions = {
    settings: { retries: 0, backoffMs: 100, maxBackoffMs: 1_000, deadlineMs: 60_000, ...settings },
    now: () => clock.now,
    random: () => 1,
    sleep: async (ms) => {
      waits.push(ms)
      clock.now += ms
    },
  }
  const run = async (t: Target) => {
    calls.push(t.provider.name)
    const outcome = script[t.provider.name]?.shift() ?? 'ok'
    if (outcome !== 'ok') throw outcome
    return `answer from ${t.provider.name}`
  }
  return { clock, waits, calls, options, run }
}

const status = (code: number, extra: { retryAfterMs?: number } = {}) =>
  new GatewayError(code === 429 ? 'rate_limit' : code >= 500 ? 'api_error' : 'invalid_request', `upstream said ${code}`, { status: code, ...extra })
const refused = () => new GatewayError('bad_gateway', "Connection refused by provider 'a' (127.0.0.1:9)")
const timedOut = () => new GatewayError('timeout', "No response from provider 'a' within 200 ms", { status: 504 })

describe('runWithFallback: which failures move on', () => {
  it.each([408, 409, 429, 500, 502, 503, 504, 529])('falls back to the next target on %i', async (code) => {
    const { run, options } = harness({ a: [status(code)] })
    const attempts: AttemptRecord[] = []
    const { value, target: used } = await runWithFallback([target('a'), target('b')], attempts, new AbortController().signal, run, options)
    expect(value).toBe('answer from b')
    expect(used.provider.name).toBe('b')
    expect(attempts.map((a) => [a.provider, a.status])).toEqual([
      ['a', code],
      ['b', 200],
    ])
    expect(attempts[0].error).toBe(`upstream said ${code}`)
  })

  it.each([
    ['connection refused', refused],
    ['a timeout', timedOut],
  ])('falls back on %s', async (_label, failure) => {
    const { run, options } = harness({ a: [failure()] })
    const attempts: AttemptRecord[] = []
    const { value } = await runWithFallback([target('a'), target('b')], attempts, new AbortController().signal, run, options)
    expect(value).toBe('answer from b')
    expect(attempts).toHaveLength(2)
  })

  it.each([400, 401, 403, 404, 413, 422])('does not retry or fall back on %i', async (code) => {
    const { run, options, calls } = harness({ a: [status(code)] }, { retries: 2 })
    const attempts: AttemptRecord[] = []
    await expect(runWithFallback([target('a'), target('b')], attempts, new AbortController().signal, run, options)).rejects.toMatchObject({ status: code })
    expect(calls).toEqual(['a'])
    expect(attempts).toHaveLength(1)
  })

  it('skips a target whose key variable is unset without counting it against anything', async () => {
    const missingKey = new GatewayError('authentication', "Provider 'a' has no API key", { code: 'provider_key_missing' })
    const { run, options, calls } = harness({ a: [missingKey] }, { retries: 2 })
    const { value } = await runWithFallback([target('a'), target('b')], [], new AbortController().signal, run, options)
    expect(value).toBe('answer from b')
    expect(calls).toEqual(['a', 'b'])
  })

  it('throws the last failure when every target fails', async () => {
    const { run, options } = harness({ a: [status(503)], b: [status(500)] })
    await expect(runWithFallback([target('a'), target('b')], [], new AbortController().signal, run, options)).rejects.toMatchObject({ status: 500 })
  })
})

describe('runWithFallback: retries', () => {
  it('retries the same target with exponential backoff before moving on', async () => {
    const { run, options, calls, waits } = harness({ a: [status(503), status(503), status(503)] }, { retries: 2 })
    const attempts: AttemptRecord[] = []
    const { value } = await runWithFallback([target('a'), target('b')], attempts, new AbortController().signal, run, options)
    expect(value).toBe('answer from b')
    expect(calls).toEqual(['a', 'a', 'a', 'b'])
    expect(waits).toEqual([100, 200])
    expect(attempts.map((a) => a.status)).toEqual([503, 503, 503, 200])
  })

  it('waits as long as retry-after says', async () => {
    const { run, options, calls, waits } = harness({ a: [status(429, { retryAfterMs: 750 })] }, { retries: 1 })
    const { value } = await runWithFallback([target('a')], [], new AbortController().signal, run, options)
    expect(value).toBe('answer from a')
    expect(calls).toEqual(['a', 'a'])
    expect(waits).toEqual([750])
  })

  it('goes to the next target instead of waiting out a long retry-after', async () => {
    const { run, options, calls, waits } = harness({ a: [status(429, { retryAfterMs: 30_000 })] }, { retries: 1 })
    await runWithFallback([target('a'), target('b')], [], new AbortController().signal, run, options)
    expect(calls).toEqual(['a', 'b'])
    expect(waits).toEqual([])
  })

  it('starts nothing once the deadline has passed', async () => {
    const { run, options, calls, clock } = harness({ a: [status(503)] }, { retries: 3, deadlineMs: 1_000 })
    const slow = async (t: Target) => {
      clock.now += 1_500 // the attempt itself outlasted the deadline
      return run(t)
    }
    await expect(runWithFallback([target('a'), target('b')], [], new AbortController().signal, slow, options)).rejects.toMatchObject({ status: 503 })
    expect(calls).toEqual(['a'])
  })

  it('stops waiting when the client goes away', async () => {
    const controller = new AbortController()
    const { run } = harness({ a: [status(503)] })
    const options: FallbackOptions = { settings: { retries: 1, backoffMs: 10_000, maxBackoffMs: 10_000, deadlineMs: 60_000 } }
    const pending = runWithFallback([target('a')], [], controller.signal, run, options)
    setTimeout(() => controller.abort(), 20)
    const started = Date.now()
    await expect(pending).rejects.toMatchObject({ kind: 'cancelled' })
    expect(Date.now() - started).toBeLessThan(2_000)
  })
})

describe('runWithFallback: circuit breaker', () => {
  it('opens after consecutive failures, skips the provider, then probes and closes', async () => {
    const clock = { now: 0 }
    const breakers = new BreakerRegistry({ failures: 2, cooldownMs: 10_000 }, () => clock.now)
    const { run, options, calls } = harness({ a: [status(503), status(503)] })
    const opts = { ...options, breakers, now: () => clock.now }
    const chain = [target('a'), target('b')]

    await runWithFallback(chain, [], new AbortController().signal, run, opts)
    await runWithFallback(chain, [], new AbortController().signal, run, opts)
    expect(breakers.get('a').state).toBe('open')

    calls.length = 0
    const attempts: AttemptRecord[] = []
    await runWithFallback(chain, attempts, new AbortController().signal, run, opts)
    expect(calls).toEqual(['b']) // a is skipped while open, and the skip is not an attempt
    expect(attempts.map((a) => a.provider)).toEqual(['b'])

    clock.now += 10_000 // cool-down over: the next request probes a, which now answers
    calls.length = 0
    const { value } = await runWithFallback(chain, [], new AbortController().signal, run, opts)
    expect(value).toBe('answer from a')
    expect(calls).toEqual(['a'])
    expect(breakers.get('a').state).toBe('closed')
  })

  it('answers 503 with retry-after when every target is cooling down', async () => {
    const clock = { now: 0 }
    const breakers = new BreakerRegistry({ failures: 1, cooldownMs: 8_000 }, () => clock.now)
    breakers.get('a').onFailure()
    breakers.get('b').onFailure()
    clock.now += 3_000
    const { run, options, calls } = harness({})
    const failure = await runWithFallback([target('a'), target('b')], [], new AbortController().signal, run, { ...options, breakers }).catch((e: GatewayError) => e)
    expect(failure).toMatchObject({ status: 503, code: 'circuit_open', retryAfterMs: 5_000 })
    expect(calls).toEqual([])
  })

  it('counts 429s and 4xx as signs of life, not failures', async () => {
    const breakers = new BreakerRegistry({ failures: 2, cooldownMs: 10_000 })
    const { run, options } = harness({ a: [status(500), status(429), status(500), status(400)] })
    const opts = { ...options, breakers }
    for (let i = 0; i < 4; i++) await runWithFallback([target('a'), target('b')], [], new AbortController().signal, run, opts).catch(() => {})
    expect(breakers.get('a').state).toBe('closed')
  })
})
