/**
 * OpenAI clients assemble streamed tool calls by `index` as array positions
 * (the official SDK fails on a hole at position 0). Some OpenAI-compatible
 * services start at 1, or repeat index 0 with a new id for every call. This
 * renumbers a stream's tool-call chunks 0, 1, 2 ... in order of appearance,
 * per choice, telling the calls apart the way the stream decoder does (a new
 * index, or a new id at a known index). Streams that already count from 0 are
 * left untouched.
 */
import { type JsonObject, isObject } from './check.js'

interface CallSlot {
  id?: string
  dense: number
}

export class ToolCallIndexer {
  /** Per choice: wire index -> the call currently using it. */
  private readonly slots = new Map<number, Map<number, CallSlot>>()
  private readonly counts = new Map<number, number>()

  /** Rewrites the chunk's tool_calls indices in place; true when any changed. */
  normalize(chunk: unknown): boolean {
    if (!isObject(chunk) || !Array.isArray(chunk.choices)) return false
    let changed = false
    for (const choice of chunk.choices) {
      if (!isObject(choice) || !isObject(choice.delta) || !Array.isArray(choice.delta.tool_calls)) continue
      const choiceIndex = typeof choice.index === 'number' ? choice.index : 0
      for (const call of choice.delta.tool_calls) {
        if (!isObject(call)) continue
        const dense = this.denseIndex(choiceIndex, call)
        if (call.index !== dense) {
          call.index = dense
          changed = true
        }
      }
    }
    return changed
  }

  private denseIndex(choiceIndex: number, call: JsonObject): number {
    const wire = typeof call.index === 'number' ? call.index : 0
    const id = typeof call.id === 'string' && call.id !== '' ? call.id : undefined
    let slots = this.slots.get(choiceIndex)
    if (!slots) this.slots.set(choiceIndex, (slots = new Map()))
    const slot = slots.get(wire)
    if (slot && (id === undefined || slot.id === undefined || id === slot.id)) {
      slot.id ??= id
      return slot.dense
    }
    const dense = this.counts.get(choiceIndex) ?? 0
    this.counts.set(choiceIndex, dense + 1)
    slots.set(wire, { id, dense })
    return dense
  }
}
