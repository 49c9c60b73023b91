import { describe, expect, it } from 'vitest'
import { ToolCallIndexer } from './tool-call-indices.js'

/** One chunk with the given tool-call deltas (index, id?) on choice `choice`. */
const chunk = (calls: Array<{ index?: number; id?: string }>, choice = 0) => ({
  choices: [{ index: choice, delta: { tool_calls: calls.map((c) => ({ ...c, function: { arguments: '{}' } })) } }],
})
const indices = (c: ReturnType<typeof chunk>) => c.choices[0].delta.tool_calls.map((call) => call.index)

function run(chunks: Array<ReturnType<typeof chunk>>): { indices: Array<Array<number | undefined>>; changed: boolean[] } {
  const indexer = new ToolCallIndexer()
  const changed = chunks.map((c) => indexer.normalize(c))
  return { indices: chunks.map(indices), changed }
}

describe('ToolCallIndexer', () => {
  it('a stream that counts from 0 is left alone', () => {
    expect(run([chunk([{ index: 0, id: 'a' }]), chunk([{ index: 0 }]), chunk([{ index: 1, id: 'b' }]), chunk([{ index: 1 }])])).toEqual({
      indices: [[0], [0], [1], [1]],
      changed: [false, false, false, false],
    })
  })

  it('indices starting at 1 are renumbered from 0', () => {
    expect(run([chunk([{ index: 1, id: 'a' }]), chunk([{ index: 1 }]), chunk([{ index: 2, id: 'b' }]), chunk([{ index: 2 }])]).indices).toEqual([[0], [0], [1], [1]])
  })

  it('index 0 repeated with a new id for every call: each new id is the next index', () => {
    expect(run([chunk([{ index: 0, id: 'a' }]), chunk([{ index: 0 }]), chunk([{ index: 0, id: 'b' }]), chunk([{ index: 0 }])]).indices).toEqual([[0], [0], [1], [1]])
  })

  it('calls without an index count as index 0', () => {
    expect(run([chunk([{ id: 'a' }]), chunk([{}])]).indices).toEqual([[0], [0]])
  })

  it('choices are numbered separately', () => {
    const indexer = new ToolCallIndexer()
    const first = chunk([{ index: 3, id: 'a' }], 0)
    const second = chunk([{ index: 5, id: 'b' }], 1)
    indexer.normalize(first)
    indexer.normalize(second)
    expect([indices(first), indices(second)]).toEqual([[0], [0]])
  })

  it('chunks without tool calls are not touched', () => {
    expect(new ToolCallIndexer().normalize({ choices: [{ index: 0, delta: { content: 'hi' } }] })).toBe(false)
    expect(new ToolCallIndexer().normalize('not a chunk')).toBe(false)
  })
})
