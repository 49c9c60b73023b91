import { describe, expect, it } from 'vitest'
import { LineBatch } from './line-batch.js'

const record = (id: number, text: string) => JSON.stringify({ id: `gw_mi4k2x${id}`, time: '2026-11-26T01:06:35.386Z', status: 200, response: { content: text } })

describe('LineBatch', () => {
  it('encodes each line as UTF-8 followed by a newline, multi-byte text included', () => {
    const batch = new LineBatch()
    const lines = [record(1, 'It is 12 °C in Paris.'), record(2, '日本語で答えます 🚀'), '{}']
    for (const line of lines) batch.add('2026-11-26.jsonl', line)
    const [day] = batch.encoded()
    expect(day.bytes.toString('utf8')).toBe(`${lines.join('\n')}\n`)
    expect([day.lines, batch.lines, batch.chars]).toEqual([3, 3, lines.join('').length])
  })

  it('grows past its first buffer without losing or reordering a byte', () => {
    const batch = new LineBatch()
    const lines = Array.from({ length: 300 }, (_, i) => record(i, `token${i} `.repeat(i % 40)))
    for (const line of lines) batch.add('2026-11-26.jsonl', line)
    batch.add('2026-11-26.jsonl', record(300, 'x'.repeat(100_000)))
    expect(batch.encoded()[0].bytes.toString('utf8')).toBe(`${[...lines, record(300, 'x'.repeat(100_000))].join('\n')}\n`)
  })

  it('keeps each day file apart, in the order they were first written to', () => {
    const batch = new LineBatch()
    batch.add('2026-11-26.jsonl', record(1, 'before midnight'))
    batch.add('2026-11-27.jsonl', record(2, 'after midnight'))
    batch.add('2026-11-26.jsonl', record(3, 'started before midnight'))
    expect(batch.encoded().map((d) => [d.file, d.lines, d.bytes.toString('utf8').split('\n').filter(Boolean).length])).toEqual([
      ['2026-11-26.jsonl', 2, 2],
      ['2026-11-27.jsonl', 1, 1],
    ])
  })

  it('is empty until a line is added', () => {
    expect(new LineBatch().encoded()).toEqual([])
  })
})
