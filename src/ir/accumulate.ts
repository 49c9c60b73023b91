/**
 * Rebuilds a whole IRResponse from stream events: how the traffic log records
 * a streamed reply as one message, whatever format it arrived in.
 */
import type { GatewayError } from './errors.js'
import type { IRResponse, OutputPart, StopReason, StreamEvent, Usage } from './types.js'

export class ResponseAccumulator {
  id = ''
  model = ''
  private readonly parts: OutputPart[] = []
  private readonly toolJson = new Map<number, string>()
  private usage: Usage = { inputTokens: 0, outputTokens: 0 }
  stopReason: StopReason | undefined
  stopSequence: string | null | undefined
  error: GatewayError | undefined

  push(event: StreamEvent): void {
    switch (event.type) {
      case 'start':
        this.id = event.id
        this.model = event.model
        if (event.usage) this.usage = { ...this.usage, ...event.usage }
        break
      case 'text_delta': {
        const part = this.parts[event.index]
        if (part?.type === 'text') part.text += event.text
        else this.parts[event.index] = { type: 'text', text: event.text }
        break
      }
      case 'thinking_delta': {
        const part = this.parts[event.index]
        if (part?.type === 'thinking') part.text += event.text
        else this.parts[event.index] = { type: 'thinking', text: event.text }
        break
      }
      case 'signature': {
        const part = this.parts[event.index]
        // Anthropic signs thinking; Gemini may sign text and tool calls too.
        if (part?.type === 'thinking' || part?.type === 'tool_call' || part?.type === 'text') part.signature = (part.signature ?? '') + event.signature
        else if (!part) this.parts[event.index] = { type: 'thinking', text: '', signature: event.signature }
        break
      }
      case 'redacted_thinking':
        this.parts[event.index] = { type: 'redacted_thinking', data: event.data }
        break
      case 'tool_call_start':
        this.parts[event.index] = { type: 'tool_call', id: event.id, name: event.name, input: {} }
        this.toolJson.set(event.index, '')
        break
      case 'tool_call_delta':
        this.toolJson.set(event.index, (this.toolJson.get(event.index) ?? '') + event.json)
        break
      case 'part_end':
        this.closeToolCall(event.index)
        break
      case 'usage':
        this.usage = { ...this.usage, ...event.usage }
        break
      case 'finish':
        this.stopReason = event.reason
        this.stopSequence = event.stopSequence
        this.usage = { ...this.usage, ...event.usage }
        break
      case 'error':
        this.error = event.error
        break
    }
  }

  private closeToolCall(index: number): void {
    const part = this.parts[index]
    const json = this.toolJson.get(index)
    if (part?.type !== 'tool_call' || json === undefined) return
    this.toolJson.delete(index)
    if (json.trim() === '') return
    try {
      part.input = JSON.parse(json)
    } catch {
      part.input = json
    }
  }

  result(): IRResponse {
    for (const index of [...this.toolJson.keys()]) this.closeToolCall(index)
    return {
      id: this.id,
      model: this.model,
      content: this.parts.filter(Boolean),
      stopReason: this.stopReason ?? 'error',
      stopSequence: this.stopSequence ?? null,
      usage: this.usage,
    }
  }
}
