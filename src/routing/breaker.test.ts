import { describe, expect, it } from 'vitest'
import { BreakerRegistry, CircuitBreaker } from './breaker.js'

function clocked(failures = 3, cooldownMs = 10_000) {
  const clock = { now: 1_000 }
  const breaker = new CircuitBreaker({ failures, cooldownMs }, () => clock.now)
  return { clock, breaker }
}

describe('CircuitBreaker', () => {
  it('stays closed below the failure threshold, and a success resets the count', () => {
    const { breaker } = clocked(3)
    breaker.onFailure()
    breaker.onFailure()
    expect(breaker.state).toBe('closed')
    breaker.onSuccess()
    breaker.onFailure()
    breaker.onFailure()
    expect(breaker.state).toBe('closed')
    expect(breaker.tryAcquire()).toBe(true)
  })

  it('opens after N consecutive failures and refuses requests for the cool-down', () => {
    const { clock, breaker } = clocked(3, 10_000)
    for (let i = 0; i < 3; i++) breaker.onFailure()
    expect(breaker.state).toBe('open')
    expect(breaker.tryAcquire()).toBe(false)
    expect(breaker.retryInMs()).toBe(10_000)
    clock.now += 9_999
    expect(breaker.tryAcquire()).toBe(false)
    expect(breaker.retryInMs()).toBe(1)
  })

  it('after the cool-down lets exactly one probe through (half-open)', () => {
    const { clock, breaker } = clocked(1, 10_000)
    breaker.onFailure()
    clock.now += 10_000
    expect(breaker.state).toBe('half_open')
    expect(breaker.tryAcquire()).toBe(true)
    expect(breaker.tryAcquire()).toBe(false) // a second caller while the probe is out
  })

  it('closes when the probe succeeds', () => {
    const { clock, breaker } = clocked(1, 10_000)
    breaker.onFailure()
    clock.now += 10_000
    breaker.tryAcquire()
    breaker.onSuccess()
    expect(breaker.state).toBe('closed')
    expect(breaker.failureCount).toBe(0)
    expect(breaker.tryAcquire()).toBe(true)
    expect(breaker.tryAcquire()).toBe(true)
  })

  it('re-opens for a full cool-down when the probe fails', () => {
    const { clock, breaker } = clocked(3, 10_000)
    for (let i = 0; i < 3; i++) breaker.onFailure()
    clock.now += 10_000
    expect(breaker.tryAcquire()).toBe(true)
    breaker.onFailure()
    expect(breaker.state).toBe('open')
    expect(breaker.retryInMs()).toBe(10_000)
  })

  it('frees the probe slot when the probe ends without a verdict', () => {
    const { clock, breaker } = clocked(1, 10_000)
    breaker.onFailure()
    clock.now += 10_000
    expect(breaker.tryAcquire()).toBe(true)
    breaker.onAbandon()
    expect(breaker.state).toBe('half_open')
    expect(breaker.tryAcquire()).toBe(true)
  })

  it('never opens with failures: 0', () => {
    const { breaker } = clocked(0)
    for (let i = 0; i < 100; i++) breaker.onFailure()
    expect(breaker.state).toBe('closed')
    expect(breaker.tryAcquire()).toBe(true)
  })
})

describe('BreakerRegistry', () => {
  it('keeps one breaker per provider and reports their states', () => {
    const clock = { now: 0 }
    const registry = new BreakerRegistry({ failures: 1, cooldownMs: 5_000 }, () => clock.now)
    registry.get('a').onFailure()
    expect(registry.get('a')).toBe(registry.get('a'))
    expect(registry.get('b').state).toBe('closed')
    expect(registry.snapshot()).toEqual([
      { provider: 'a', state: 'open', failures: 1, retryInMs: 5_000 },
      { provider: 'b', state: 'closed', failures: 0, retryInMs: 0 },
    ])
  })
})
