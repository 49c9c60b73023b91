/**
 * The built-in offline provider: answers in IR (so in any client format) by
 * echoing the last user message. With reasoning requested it thinks out loud
 * first; with a forced tool choice it calls the tool. For trying the gateway
 * with no key and no network.
 */
import { randomUUID } from 'node:crypto'
import type { ProviderConfig } from '../config/types.js'
import { responseToEvents } from '../ir/response-to-events.js'
import type { IRRequest, IRResponse, OutputPart } from '../ir/types.js'
import type { CallOptions, Provider } from './types.js'

function lastUserText(request: IRRequest): string {
  for (let i = request.messages.length - 1; i >= 0; i--) {
    const message = request.messages[i]
    if (message.role !== 'user') continue
    const text = message.parts
      .map((part) => (part.type === 'text' ? part.text : part.type === 'tool_result' ? part.content.map((c) => (c.type === 'text' ? c.text : '')).join('') : ''))
      .filter(Boolean)
      .join('\n')
    if (text) return text
  }
  return ''
}

const roughTokens = (text: string) => Math.max(1, Math.ceil(text.length / 4))

function forcedTool(request: IRRequest): string | undefined {
  const choice = request.toolChoice
  if (!request.tools?.length || !choice) return undefined
  if (choice.type === 'tool') return choice.name
  if (choice.type === 'required') return request.tools[0].name
  return undefined
}

export function mockRespond(request: IRRequest, model: string): IRResponse {
  const echo = lastUserText(request)
  const content: OutputPart[] = []
  if (request.reasoning?.enabled) {
    content.push({ type: 'thinking', text: `The user wrote ${echo.length} characters; I will echo them.`, signature: 'mock-signature' })
  }
  const tool = forcedTool(request)
  if (tool) {
    content.push({ type: 'tool_call', id: `call_mock_${randomUUID().slice(0, 8)}`, name: tool, input: {} })
  } else {
    content.push({ type: 'text', text: echo || '(empty message)' })
  }
  // The limit applies to what the mock writes, as a real model's would.
  let stopReason: IRResponse['stopReason'] = tool ? 'tool_use' : 'end'
  const text = content.find((p) => p.type === 'text')
  if (text?.type === 'text' && request.maxTokens && roughTokens(text.text) > request.maxTokens) {
    text.text = text.text.slice(0, request.maxTokens * 4)
    stopReason = 'max_tokens'
  }
  const inputText = [...request.system.map((p) => p.text), ...request.messages.flatMap((m) => m.parts.map((p) => JSON.stringify(p)))].join('')
  const outputText = content.map((p) => JSON.stringify(p)).join('')
  return {
    id: `mock-${randomUUID()}`,
    model,
    content,
    stopReason,
    stopSequence: null,
    usage: { inputTokens: roughTokens(inputText), outputTokens: roughTokens(outputText) },
    created: Math.floor(Date.now() / 1000),
  }
}

export function createMockProvider(config: ProviderConfig): Provider {
  return {
    name: config.name,
    config,
    async generate(request: IRRequest, options: CallOptions) {
      return mockRespond(request, options.model)
    },
    async stream(request: IRRequest, options: CallOptions) {
      const events = responseToEvents(mockRespond(request, options.model))
      return (async function* () {
        yield* events
      })()
    },
    async listModels() {
      return ['echo']
    },
  }
}
