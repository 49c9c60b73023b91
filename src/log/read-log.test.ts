import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeRecord } from '../../test/support/log-records.js'
import { parseStatus } from './filter.js'
import { backwardLines, forwardLines } from './read-lines.js'
import { findById, readLog } from './read-log.js'
import type { LogRecord } from './record.js'
import { serializeRecord } from './serialize.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'llm-gateway-read-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function writeDay(day: string, records: LogRecord[], tail = ''): Promise<void> {
  await writeFile(join(dir, `${day}.jsonl`), records.map((r) => `${serializeRecord(r, true)}\n`).join('') + tail)
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of iterable) out.push(item)
  return out
}

const at = (time: string, overrides: Partial<LogRecord> = {}) => makeRecord({ time, ...overrides })

describe('readLog', () => {
  const day1 = [at('2026-11-23T09:00:00.000Z', { id: 'gw_a' }), at('2026-11-23T10:00:00.000Z', { id: 'gw_b', provider: 'openai', providerModel: 'gpt-4o-mini', model: 'gpt-4o-mini' })]
  const day2 = [
    at('2026-11-24T09:00:00.000Z', { id: 'gw_c', status: 429, error: { type: 'rate_limit', message: 'slow down' } }),
    at('2026-11-24T10:00:00.000Z', { id: 'gw_d' }),
    at('2026-11-24T11:00:00.000Z', { id: 'gw_e', status: 502, error: { type: 'api_error', message: 'bad gateway' } }),
  ]

  beforeEach(async () => {
    await writeDay('2026-11-23', day1)
    // A crash mid-write leaves a torn last line; other files in the folder are ignored.
    await writeDay('2026-11-24', day2, '{"id":"gw_torn","time":"2026-11-24T12:00:00.000Z","format":"op')
    await writeFile(join(dir, 'notes.txt'), 'not a log')
  })

  const ids = async (options: Parameters<typeof readLog>[1]) => (await collect(readLog(dir, options))).map((r) => r.id)

  it('reads newest first across days, skipping the torn line', async () => {
    expect(await ids({})).toEqual(['gw_e', 'gw_d', 'gw_c', 'gw_b', 'gw_a'])
  })

  it('reads oldest first for stats', async () => {
    expect(await ids({ order: 'oldest' })).toEqual(['gw_a', 'gw_b', 'gw_c', 'gw_d', 'gw_e'])
  })

  it.each([
    ['limit', { limit: 2 }, ['gw_e', 'gw_d']],
    ['status', { filter: { status: parseStatus('5xx') } }, ['gw_e']],
    ['status error', { filter: { status: parseStatus('error') } }, ['gw_e', 'gw_c']],
    ['model', { filter: { model: 'gpt-4o-mini' } }, ['gw_b']],
    ['provider', { filter: { provider: 'groq' }, limit: 3 }, ['gw_e', 'gw_d', 'gw_c']],
    ['since', { filter: { since: Date.parse('2026-11-24T09:30:00Z') } }, ['gw_e', 'gw_d']],
    ['since, oldest first', { order: 'oldest' as const, filter: { since: Date.parse('2026-11-23T09:30:00Z') } }, ['gw_b', 'gw_c', 'gw_d', 'gw_e']],
  ])('filters by %s', async (_name, options, expected) => {
    expect(await ids(options)).toEqual(expected)
  })

  it('returns whole records, or metadata only with bodies: false', async () => {
    const [full] = await collect(readLog(dir, { limit: 1 }))
    expect(full).toEqual(day2[2])
    const [meta] = await collect(readLog(dir, { limit: 1, bodies: false }))
    expect(meta).toEqual({ ...day2[2], request: null, response: null })
  })

  it('reads an empty or missing folder as no records', async () => {
    expect(await collect(readLog(join(dir, 'missing')))).toEqual([])
  })
})

describe('line readers', () => {
  it('cut lines correctly across 1 MB chunk boundaries, both ways', async () => {
    await mkdir(dir, { recursive: true })
    const file = join(dir, '2026-11-25.jsonl')
    // Lines of varying size, some larger than a chunk, so boundaries fall everywhere.
    const records = Array.from({ length: 40 }, (_, i) => makeRecord({ id: `gw_${i}`, response: { pad: 'z'.repeat((i * 97_003) % 1_300_000) } }))
    for (const r of records) await appendFile(file, `${serializeRecord(r, true)}\n`)
    const forward = (await collect(forwardLines(file, 'full'))).map((l) => JSON.parse(l).id)
    const backward = (await collect(backwardLines(file, 'meta'))).map((l) => JSON.parse(l).id)
    expect(forward).toEqual(records.map((r) => r.id))
    expect(backward).toEqual(records.map((r) => r.id).reverse())
  })
})

describe('findById', () => {
  beforeEach(async () => {
    await writeDay('2026-11-24', [at('2026-11-24T09:00:00.000Z', { id: 'gw_mhx1aa01' }), at('2026-11-24T09:00:01.000Z', { id: 'gw_mhx1ab02' })])
    await writeDay('2026-11-25', [at('2026-11-25T09:00:00.000Z', { id: 'gw_mhx2cc03' }), at('2026-11-25T09:00:00.000Z', { id: 'gw_mhx2cc' })])
  })

  it('finds a line written in another key order', async () => {
    const { id, ...rest } = at('2026-11-25T10:00:00.000Z', { id: 'gw_reordered' })
    await appendFile(join(dir, '2026-11-25.jsonl'), `${JSON.stringify({ ...rest, id })}\n`)
    expect((await findById(dir, 'gw_reord')).map((r) => r.id)).toEqual(['gw_reordered'])
  })

  it.each([
    ['a full id', 'gw_mhx1aa01', ['gw_mhx1aa01']],
    ['a unique prefix', 'gw_mhx1ab', ['gw_mhx1ab02']],
    ['an ambiguous prefix', 'gw_mhx1a', ['gw_mhx1ab02', 'gw_mhx1aa01']],
    ['an exact id that is also a prefix of another', 'gw_mhx2cc', ['gw_mhx2cc']],
    ['an unknown id', 'gw_zzz', []],
  ])('finds records by %s', async (_name, prefix, expected) => {
    expect((await findById(dir, prefix)).map((r) => r.id)).toEqual(expected)
  })
})
