import { describe, expect, it } from 'vitest'
import { makeRecord } from '../../test/support/log-records.js'
import type { LogRecord } from './record.js'
import { BODIES_MARKER, parseRecord, parseRecordMeta, serializeRecord } from './serialize.js'

describe('serializeRecord', () => {
  it('writes one line, metadata first and the bodies last', () => {
    const record = makeRecord()
    const line = serializeRecord(record, true)
    expect(line).not.toContain('\n')
    expect(line.startsWith(`{"id":"${record.id}"`)).toBe(true)
    expect(line.indexOf(BODIES_MARKER)).toBeGreaterThan(line.indexOf('"client"'))
    expect(line.endsWith('}')).toBe(true)
    expect(JSON.parse(line)).toEqual(record)
  })

  it('writes every field of a record, optional ones included', () => {
    const record = makeRecord({ cancelled: true, status: 499, origin: 'cli' })
    expect(JSON.parse(serializeRecord(record, true))).toEqual(record)
    const { origin, ...withoutOrigin } = makeRecord()
    expect(JSON.parse(serializeRecord(withoutOrigin, true))).toEqual(withoutOrigin)
  })

  it('puts the id first whatever order the record was built in', () => {
    const { id, ...rest } = makeRecord()
    expect(serializeRecord({ ...rest, id } as LogRecord, true).startsWith(`{"id":"${id}","time":`)).toBe(true)
  })

  it('keeps metadata only when bodies are off', () => {
    const parsed = JSON.parse(serializeRecord(makeRecord(), false))
    expect(parsed.request).toBeNull()
    expect(parsed.response).toBeNull()
    expect(parsed.usage).toEqual({ input: 96, output: 11, cacheRead: 0, cacheWrite: 0, reasoning: 0 })
  })

  it('writes undefined bodies as null, and escapes newlines inside bodies', () => {
    const record = makeRecord({ request: undefined, response: { text: 'line one\nline two' } })
    const line = serializeRecord(record, true)
    expect(line).not.toContain('\n')
    expect(JSON.parse(line).request).toBeNull()
  })
})

describe('parsing', () => {
  it('reads the metadata without the bodies, identical otherwise', () => {
    const record = makeRecord({ error: { type: 'rate_limit', message: 'text with ,"request": inside' } })
    const meta = parseRecordMeta(serializeRecord(record, true))
    expect(meta).toEqual({ ...record, request: null, response: null })
  })

  it('falls back to a full parse for lines in another key order', () => {
    const { request, ...record } = makeRecord()
    const reordered = JSON.stringify({ request, ...record })
    expect(parseRecordMeta(reordered)?.id).toBe(record.id)
  })

  it.each([
    ['a torn line', serializeRecord(makeRecord(), true).slice(0, 80)],
    ['not JSON', 'hello'],
    ['JSON that is not a record', '{"a":1}'],
    ['an array', '[1,2]'],
  ])('returns null for %s', (_name, line) => {
    expect(parseRecord(line)).toBeNull()
    expect(parseRecordMeta(line)).toBeNull()
  })
})

describe('bodies given as text', () => {
  it('writes the text as received instead of serializing again, never as fields of their own', () => {
    const requestText = '{"model":"fast",  "messages":[{"role":"user","content":"hi"}],"temperature":1.0}'
    const responseText = '{"id":"chatcmpl-1","choices":[]}'
    const line = serializeRecord(makeRecord({ requestText, responseText }), true)
    expect(line).toContain(`,"request":${requestText},"response":${responseText}}`)
    expect(line).not.toContain('requestText')
    expect(JSON.parse(line).request).toEqual({ model: 'fast', messages: [{ role: 'user', content: 'hi' }], temperature: 1 })
  })

  it('keeps a pretty-printed body on one line', () => {
    const requestText = '{\r\n  "model": "fast",\n  "messages": [{"role": "user", "content": "a\\nb"}]\n}\n'
    const line = serializeRecord(makeRecord({ requestText }), true)
    expect(line).not.toMatch(/[\r\n]/)
    expect(JSON.parse(line).request.messages[0].content).toBe('a\nb')
  })

  it('falls back to the object when the text is not a JSON object or array, and drops both with bodies off', () => {
    const record = makeRecord({ requestText: '', responseText: 'upstream said no' })
    expect(JSON.parse(serializeRecord(record, true)).response).toEqual(record.response)
    expect(JSON.parse(serializeRecord(record, true)).request).toEqual(record.request)
    expect(serializeRecord(record, false)).toMatch(/,"request":null,"response":null}$/)
  })
})
