import { describe, expect, it } from 'vitest'
import { createRedactor, REDACTED, stripKeyParams } from './redact.js'

const OPENAI_KEY = 'sk-proj-3f9aQw81LmZt0vXc'
const GATEWAY_KEY = 'gw-local-7d2e1c'

describe('createRedactor', () => {
  const redact = createRedactor([OPENAI_KEY, GATEWAY_KEY, 'short'])

  it('replaces configured keys wherever they appear in a line', () => {
    const line = JSON.stringify({
      error: { message: `Incorrect API key provided: ${OPENAI_KEY}.` },
      request: { messages: [{ role: 'user', content: `my key is ${OPENAI_KEY} and ${GATEWAY_KEY}` }] },
      client: `Bearer ${GATEWAY_KEY}`,
    })
    const out = redact(line)
    expect(out).not.toContain(OPENAI_KEY)
    expect(out).not.toContain(GATEWAY_KEY)
    expect(JSON.parse(out).client).toBe(`Bearer ${REDACTED}`)
  })

  it('leaves lines without secrets untouched, and ignores secrets too short to search for', () => {
    const line = JSON.stringify({ text: 'a short answer' })
    expect(redact(line)).toBe(line)
  })

  it('finds secrets with characters JSON escapes', () => {
    const secret = 'key"with\\quotes'
    const out = createRedactor([secret])(JSON.stringify({ s: `x ${secret} y` }))
    expect(JSON.parse(out).s).toBe(`x ${REDACTED} y`)
  })

  it('redacts a digits-only secret inside strings without breaking numbers', () => {
    const out = createRedactor(['12345678'])(JSON.stringify({ pin: 'code 12345678', tokens: 123456789 }))
    expect(JSON.parse(out)).toEqual({ pin: `code ${REDACTED}`, tokens: 123456789 })
  })

  it('removes key-like query parameters from URLs in any field', () => {
    const url = 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent?key=AIzaSyD-abc123&alt=sse'
    const out = JSON.parse(redact(JSON.stringify({ error: { message: `fetch failed: ${url}` } })))
    expect(out.error.message).toBe('fetch failed: https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent?alt=sse')
  })

  it('drops key parameters from URLs with no secrets configured, whatever their case', () => {
    const line = JSON.stringify({ error: { message: 'fetch failed: https://h/p?API_KEY=abc&alt=sse' } })
    expect(JSON.parse(createRedactor([])(line)).error.message).toBe('fetch failed: https://h/p?alt=sse')
  })

  it('does not touch key= outside URLs', () => {
    const line = JSON.stringify({ content: 'set key=value in the ini file' })
    expect(redact(line)).toBe(line)
  })
})

describe('stripKeyParams', () => {
  it.each([
    ['https://h/p?key=abc', 'https://h/p'],
    ['https://h/p?key=abc&alt=sse', 'https://h/p?alt=sse'],
    ['https://h/p?alt=sse&key=abc', 'https://h/p?alt=sse'],
    ['https://h/p?a=1&api_key=abc&b=2', 'https://h/p?a=1&b=2'],
    ['https://h/p?access_token=t', 'https://h/p'],
    ['https://h/p?monkey=1', 'https://h/p?monkey=1'],
    ['https://h/p', 'https://h/p'],
  ])('%s -> %s', (input, expected) => {
    expect(stripKeyParams(input)).toBe(expected)
  })
})
