import { describe, expect, it } from 'vitest'
import { makeRecord } from '../../test/support/log-records.js'
import { compileFilter, InvalidFilterError, parseSince, parseStatus } from './filter.js'

describe('parseStatus', () => {
  const ok = makeRecord({ status: 200 })
  const notFound = makeRecord({ status: 404, error: { type: 'not_found', message: 'no such model' } })
  const rateLimited = makeRecord({ status: 429, error: { type: 'rate_limit', message: 'slow down' } })
  const upstream = makeRecord({ status: 502, error: { type: 'api_error', message: 'bad gateway' } })
  const cancelled = makeRecord({ status: 499, cancelled: true, error: { type: 'cancelled', message: 'client left' } })
  const streamError = makeRecord({ status: 200, error: { type: 'overloaded', message: 'mid-stream' } })
  const all = [ok, notFound, rateLimited, upstream, cancelled, streamError]

  it.each([
    ['200', [ok, streamError]],
    ['4xx', [notFound, rateLimited, cancelled]],
    ['5xx', [upstream]],
    ['error', [notFound, rateLimited, upstream, cancelled, streamError]],
    ['ok', [ok]],
    ['cancelled', [cancelled]],
    ['429,5xx', [rateLimited, upstream]],
    ['ERROR', [notFound, rateLimited, upstream, cancelled, streamError]],
  ])('%s', (text, expected) => {
    const matcher = parseStatus(text)
    expect(all.filter(matcher)).toEqual(expected)
  })

  it.each(['600', '2x', 'great', '20', ''])('rejects %j', (text) => {
    expect(() => parseStatus(text)).toThrow(InvalidFilterError)
  })
})

describe('parseSince', () => {
  const now = Date.parse('2026-11-25T12:00:00Z')
  it.each([
    ['30s', '2026-11-25T11:59:30.000Z'],
    ['15m', '2026-11-25T11:45:00.000Z'],
    ['1h', '2026-11-25T11:00:00.000Z'],
    ['2d', '2026-11-23T12:00:00.000Z'],
    ['1w', '2026-11-18T12:00:00.000Z'],
    ['1.5h', '2026-11-25T10:30:00.000Z'],
    ['2026-11-20', '2026-11-20T00:00:00.000Z'],
    ['2026-11-20T08:30:00Z', '2026-11-20T08:30:00.000Z'],
  ])('%s', (text, iso) => {
    expect(new Date(parseSince(text, now)).toISOString()).toBe(iso)
  })

  it.each(['yesterday', '1y', '-1h', '2026-13-45', ''])('rejects %j', (text) => {
    expect(() => parseSince(text, now)).toThrow(/--since expects a duration/)
  })
})

describe('compileFilter', () => {
  const groq = makeRecord({ model: 'fast', provider: 'groq', providerModel: 'llama-3.3-70b-versatile', time: '2026-11-25T10:00:00.000Z' })
  const openai = makeRecord({ model: 'openai/gpt-4o-mini', provider: 'openai', providerModel: 'gpt-4o-mini', time: '2026-11-25T11:00:00.000Z' })
  const failed = makeRecord({ model: 'nope', provider: null, providerModel: null, status: 404, time: '2026-11-25T11:30:00.000Z' })
  const all = [groq, openai, failed]

  it.each([
    ['the requested model', { model: 'fast' }, [groq]],
    ["the provider's model", { model: 'gpt-4o-mini' }, [openai]],
    ['provider/model', { model: 'groq/llama-3.3-70b-versatile' }, [groq]],
    ['model, case-insensitively', { model: 'FAST' }, [groq]],
    ['provider', { provider: 'openai' }, [openai]],
    ['since', { since: Date.parse('2026-11-25T10:30:00Z') }, [openai, failed]],
    ['status and provider together', { status: parseStatus('200'), provider: 'groq' }, [groq]],
    ['nothing', {}, all],
  ])('by %s', (_name, filter, expected) => {
    expect(all.filter(compileFilter(filter))).toEqual(expected)
  })
})
