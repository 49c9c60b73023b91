import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeRecord } from '../../test/support/log-records.js'
import { FileRecorder } from './file-recorder.js'
import { serializeRecord } from './serialize.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'llm-gateway-log-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const today = () => `${new Date().toISOString().slice(0, 10)}.jsonl`
const readLines = async (file = today()) => (await readFile(join(dir, file), 'utf8')).split('\n')

describe('FileRecorder', () => {
  it('queues without touching the disk, then writes the queue as one batch on the timer', async () => {
    const recorder = new FileRecorder({ dir: join(dir, 'nested', 'logs'), flushIntervalMs: 20 })
    for (let i = 0; i < 5; i++) recorder.record(makeRecord())
    await expect(readdir(dir)).resolves.toEqual([])
    await new Promise((r) => setTimeout(r, 80))
    await recorder.flush()
    expect(recorder.written).toEqual({ batches: 1, records: 5 })
    const lines = (await readFile(join(dir, 'nested', 'logs', today()), 'utf8')).split('\n')
    expect(lines).toHaveLength(6)
    expect(lines[5]).toBe('')
  })

  it('writes a batch as soon as the queue is full', async () => {
    const recorder = new FileRecorder({ dir, flushIntervalMs: 60_000, batchSize: 10 })
    for (let i = 0; i < 25; i++) recorder.record(makeRecord())
    await recorder.flush()
    expect(recorder.written.records).toBe(25)
    expect(recorder.written.batches).toBe(3)
  })

  it('never interleaves lines: 1,000 concurrent records all parse, each exactly once', async () => {
    const recorder = new FileRecorder({ dir, flushIntervalMs: 5, batchSize: 64 })
    const sent = Array.from({ length: 1000 }, (_, i) =>
      makeRecord({ request: { model: 'fast', messages: [{ role: 'user', content: `request ${i} ${'x'.repeat(i * 7)}` }] } }),
    )
    await Promise.all(sent.map((record) => new Promise<void>((resolve) => setImmediate(() => (recorder.record(record), resolve())))))
    await recorder.close()
    const lines = (await readLines()).filter(Boolean)
    expect(lines).toHaveLength(1000)
    const ids = lines.map((line) => JSON.parse(line).id)
    expect(new Set(ids).size).toBe(1000)
    expect(ids.sort()).toEqual(sent.map((r) => r.id).sort())
  })

  it('two writers on the same folder (the server and a one-off command) never tear each other\'s lines', async () => {
    const a = new FileRecorder({ dir, flushIntervalMs: 1, batchSize: 7 })
    const b = new FileRecorder({ dir, flushIntervalMs: 1, batchSize: 5 })
    const big = 'y'.repeat(20_000)
    for (let i = 0; i < 300; i++) {
      a.record(makeRecord({ response: { big } }))
      b.record(makeRecord({ response: { big } }))
    }
    await Promise.all([a.close(), b.close()])
    const lines = (await readLines()).filter(Boolean)
    expect(lines).toHaveLength(600)
    for (const line of lines) expect(JSON.parse(line).response.big).toHaveLength(20_000)
  })

  it('flushes what is queued on close', async () => {
    const recorder = new FileRecorder({ dir, flushIntervalMs: 60_000 })
    recorder.record(makeRecord({ id: 'gw_closing' }))
    await recorder.close()
    expect(JSON.parse((await readLines())[0]).id).toBe('gw_closing')
  })

  it('still writes records that arrive after close (a request finishing during shutdown)', async () => {
    const recorder = new FileRecorder({ dir, flushIntervalMs: 60_000 })
    await recorder.close()
    recorder.record(makeRecord({ id: 'gw_late' }))
    await recorder.flush()
    expect(JSON.parse((await readLines())[0]).id).toBe('gw_late')
  })

  it('writes metadata only with bodies: false', async () => {
    const recorder = new FileRecorder({ dir, bodies: false })
    recorder.record(makeRecord())
    await recorder.close()
    const record = JSON.parse((await readLines())[0])
    expect(record.request).toBeNull()
    expect(record.response).toBeNull()
    expect(record.model).toBe('fast')
    expect(record.usage.input).toBe(96)
  })

  it('files each record under the UTC day it started', async () => {
    const recorder = new FileRecorder({ dir })
    recorder.record(makeRecord({ time: '2026-11-24T23:59:59.900Z' }))
    recorder.record(makeRecord({ time: '2026-11-25T00:00:00.100Z' }))
    await recorder.close()
    expect((await readdir(dir)).sort()).toEqual(['2026-11-24.jsonl', '2026-11-25.jsonl'])
  })

  it('keeps every configured secret out of the file', async () => {
    const secrets = ['sk-ant-api03-Zx81Qm0vLk', 'AIzaSyD-geminiKey0001', 'gateway-client-key-1']
    const recorder = new FileRecorder({ dir, secrets })
    recorder.record(
      makeRecord({
        request: { messages: [{ role: 'user', content: `here is ${secrets[0]}` }] },
        error: { type: 'authentication_error', message: `https://generativelanguage.googleapis.com/v1beta/models/x:generateContent?key=${secrets[1]}` },
        client: `curl (Bearer ${secrets[2]})`,
      }),
    )
    await recorder.close()
    const text = await readFile(join(dir, today()), 'utf8')
    for (const secret of secrets) expect(text).not.toContain(secret)
    expect(JSON.parse(text).error.message).toBe('https://generativelanguage.googleapis.com/v1beta/models/x:generateContent')
  })

  it('survives a folder it cannot write: reports once on stderr and keeps accepting records', async () => {
    const blocker = join(dir, 'not-a-folder')
    await writeFile(blocker, 'a file where the log folder should be')
    const errors: string[] = []
    const recorder = new FileRecorder({ dir: join(blocker, 'logs'), onError: (m) => errors.push(m) })
    recorder.record(makeRecord())
    await recorder.flush()
    recorder.record(makeRecord())
    await recorder.close()
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/cannot write to .*not-a-folder\/logs.*still serving/)
    expect(recorder.written.records).toBe(0)
  })

  it('drops records while too much is waiting for the disk, instead of growing without bound, and says so', async () => {
    const errors: string[] = []
    const line = serializeRecord(makeRecord(), true).length
    const recorder = new FileRecorder({ dir, maxPendingChars: line * 3, batchSize: 1000, flushIntervalMs: 60_000, onError: (m) => errors.push(m) })
    for (let i = 0; i < 5; i++) recorder.record(makeRecord())
    await recorder.close()
    expect(recorder.written.records).toBe(3)
    expect(errors[0]).toMatch(/2 records were not logged/)
    // Once written, the room is free again.
    recorder.record(makeRecord())
    await recorder.flush()
    expect(recorder.written.records).toBe(4)
  })

  it('writes a batch early when large bodies fill it', async () => {
    const recorder = new FileRecorder({ dir, batchChars: 50_000, flushIntervalMs: 60_000 })
    for (let i = 0; i < 4; i++) recorder.record(makeRecord({ request: { big: 'x'.repeat(30_000) } }))
    await new Promise((r) => setTimeout(r, 20))
    expect(recorder.written.batches).toBe(2)
    await recorder.close()
  })
})
