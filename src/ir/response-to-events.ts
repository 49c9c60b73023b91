/**
 * A whole IRResponse as the stream events that would have produced it, with
 * text split into small deltas. Lets providers that only answer whole (the mock)
 * serve stream requests through the same encoders.
 */
import type { IRResponse, StreamEvent } from './types.js'

/** Split text into word-sized pieces, keeping the whitespace with each word. */
export function splitIntoDeltas(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? (text ? [text] : [])
}

export function* responseToEvents(response: IRResponse): Generator<StreamEvent> {
  yield { type: 'start', id: response.id, model: response.model, usage: { inputTokens: response.usage.inputTokens, outputTokens: 0 } }
  for (const [index, part] of response.content.entries()) {
    switch (part.type) {
      case 'text':
        for (const text of splitIntoDeltas(part.text)) yield { type: 'text_delta', index, text }
        break
      case 'thinking':
        for (const text of splitIntoDeltas(part.text)) yield { type: 'thinking_delta', index, text }
        if (part.signature) yield { type: 'signature', index, signature: part.signature }
        break
      case 'redacted_thinking':
        yield { type: 'redacted_thinking', index, data: part.data }
        break
      case 'tool_call':
        yield { type: 'tool_call_start', index, id: part.id, name: part.name }
        yield { type: 'tool_call_delta', index, json: JSON.stringify(part.input ?? {}) }
        break
    }
    yield { type: 'part_end', index }
  }
  yield { type: 'finish', reason: response.stopReason, stopSequence: response.stopSequence, usage: response.usage }
}
