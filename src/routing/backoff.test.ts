import { describe, expect, it } from 'vitest'
import { GatewayError } from '../ir/errors.js'
import { backoffDelay, planRetry, type RetryPolicy } from './backoff.js'

const policy: RetryPolicy = { retries: 2, backoffMs: 250, maxBackoffMs: 8_000, deadlineMs: 60_000 }
const overloaded = (retryAfterMs?: number) => new GatewayError('overloaded', 'busy', { status: 503, retryAfterMs })

describe('backoffDelay', () => {
  it.each([
    // retry, random, expected: ceiling = min(max, base * 2^retry), then between half and all of it
    [0, 1, 250],
    [0, 0, 125],
    [1, 1, 500],
    [2, 1, 1000],
    [3, 0.5, 1500],
    [10, 1, 8000], // capped at maxBackoffMs
    [10, 0, 4000],
  ])('retry %i with random %f waits %i ms', (retry, random, expected) => {
    expect(backoffDelay(retry, policy, () => random)).toBe(expected)
  })

  it('stays within [ceiling/2, ceiling] for any random draw', () => {
    for (let i = 0; i < 200; i++) {
      const delay = backoffDelay(2, policy)
      expect(delay).toBeGreaterThanOrEqual(500)
      expect(delay).toBeLessThanOrEqual(1000)
    }
  })
})

describe('planRetry', () => {
  const base = { policy, moreTargets: true, elapsedMs: 0, random: () => 1 }

  it('retries the same target with backoff while retries remain', () => {
    expect(planRetry({ ...base, failure: overloaded(), retriesDone: 0 })).toEqual({ action: 'retry', waitMs: 250 })
    expect(planRetry({ ...base, failure: overloaded(), retriesDone: 1 })).toEqual({ action: 'retry', waitMs: 500 })
  })

  it('moves on to the next target once retries are spent, and stops on the last one', () => {
    expect(planRetry({ ...base, failure: overloaded(), retriesDone: 2 })).toEqual({ action: 'next' })
    expect(planRetry({ ...base, failure: overloaded(), retriesDone: 2, moreTargets: false })).toEqual({ action: 'stop' })
  })

  it('waits at least retry-after', () => {
    expect(planRetry({ ...base, failure: overloaded(3_000), retriesDone: 0 })).toEqual({ action: 'retry', waitMs: 3_000 })
    // a retry-after shorter than the backoff does not shorten it
    expect(planRetry({ ...base, failure: overloaded(100), retriesDone: 1 })).toEqual({ action: 'retry', waitMs: 500 })
  })

  it('does not wait out a long retry-after when another target can answer now', () => {
    expect(planRetry({ ...base, failure: overloaded(20_000), retriesDone: 0 })).toEqual({ action: 'next' })
    expect(planRetry({ ...base, failure: overloaded(20_000), retriesDone: 0, moreTargets: false })).toEqual({ action: 'retry', waitMs: 20_000 })
  })

  it('never waits past the deadline, and starts nothing after it', () => {
    expect(planRetry({ ...base, failure: overloaded(20_000), retriesDone: 0, moreTargets: false, elapsedMs: 45_000 })).toEqual({ action: 'stop' })
    expect(planRetry({ ...base, failure: overloaded(), retriesDone: 0, elapsedMs: 59_900 })).toEqual({ action: 'next' })
    expect(planRetry({ ...base, failure: overloaded(), retriesDone: 0, elapsedMs: 60_000 })).toEqual({ action: 'stop' })
  })

  it('with retries: 0 goes straight to the next target', () => {
    expect(planRetry({ ...base, policy: { ...policy, retries: 0 }, failure: overloaded(), retriesDone: 0 })).toEqual({ action: 'next' })
  })
})
