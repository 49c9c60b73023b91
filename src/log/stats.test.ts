import { describe, expect, it } from 'vitest'
import { makeRecord } from '../../test/support/log-records.js'
import { computeStats, percentile } from './stats.js'

describe('percentile (nearest rank)', () => {
  const values = Float64Array.from({ length: 100 }, (_, i) => i + 1)
  it.each([
    [50, 50],
    [95, 95],
    [100, 100],
    [0, 1],
  ])('p%i of 1..100 is %i', (p, expected) => {
    expect(percentile(values, p)).toBe(expected)
  })
  it('is null for no values, the value itself for one', () => {
    expect(percentile([], 50)).toBeNull()
    expect(percentile([7], 95)).toBe(7)
  })
})

describe('computeStats', () => {
  const records = [
    ...Array.from({ length: 18 }, (_, i) =>
      makeRecord({ model: 'fast', provider: 'groq', latencyMs: 100 + i * 10, ttftMs: 50 + i, usage: { input: 100, output: 10, cacheRead: 5, cacheWrite: 1, reasoning: 2 }, costUsd: 0.001 }),
    ),
    makeRecord({ model: 'fast', provider: 'openai', status: 429, latencyMs: 30, ttftMs: null, usage: null, costUsd: null, error: { type: 'rate_limit', message: 'x' } }),
    makeRecord({ model: 'smart', provider: 'openai', latencyMs: 2000, ttftMs: 900, usage: { input: 1000, output: 200, cacheRead: 0, cacheWrite: 0, reasoning: 0 }, costUsd: null }),
  ]

  it('groups per model and per provider, busiest first, then a total', async () => {
    const rows = await computeStats(records)
    expect(rows.map((r) => `${r.group}:${r.name}:${r.requests}`)).toEqual([
      'model:fast:19',
      'model:smart:1',
      'provider:groq:18',
      'provider:openai:2',
      'total:all:20',
    ])
  })

  it('computes error rate, percentiles, token sums and cost', async () => {
    const rows = await computeStats(records)
    const fast = rows.find((r) => r.group === 'model' && r.name === 'fast')!
    expect(fast.errors).toBe(1)
    expect(fast.errorRate).toBeCloseTo(1 / 19)
    // 19 latencies: 30 and 100..270 step 10; nearest rank 10 -> 180, rank 19 -> 270.
    expect(fast.latencyP50Ms).toBe(180)
    expect(fast.latencyP95Ms).toBe(270)
    // ttft skips the request that never produced a byte.
    expect(fast.ttftP50Ms).toBe(58)
    expect(fast.inputTokens).toBe(1800)
    expect(fast.outputTokens).toBe(180)
    expect(fast.cacheReadTokens).toBe(90)
    expect(fast.cacheWriteTokens).toBe(18)
    expect(fast.reasoningTokens).toBe(36)
    expect(fast.costUsd).toBeCloseTo(0.018)
    expect(fast.unpricedRequests).toBe(0)
    const smart = rows.find((r) => r.name === 'smart')!
    expect(smart.unpricedRequests).toBe(1)
    expect(smart.costUsd).toBe(0)
  })

  it('gives a zero total for an empty log', async () => {
    expect(await computeStats([])).toEqual([expect.objectContaining({ group: 'total', requests: 0, errorRate: 0, latencyP50Ms: null })])
  })
})
