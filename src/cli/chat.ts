/**
 * `llm-gateway chat [PROMPT]`: one OpenAI-format (Chat Completions) request
 * through the gateway, the reply streamed to the terminal.
 */
import { exitWith } from './prompt/exit-with.js'
import type { OneOffOptions } from './prompt/one-off-options.js'
import { type BodyInput, type RequestSpec, runOneOff } from './prompt/run-one-off.js'

export interface ChatOptions extends OneOffOptions {
  temperature?: number
  reasoningEffort?: string
}

export function chatBody(input: BodyInput, options: ChatOptions): Record<string, unknown> {
  const messages: Record<string, unknown>[] = []
  if (options.system) messages.push({ role: 'system', content: options.system })
  const content =
    input.attachments.length === 0
      ? input.prompt
      : [
          { type: 'text', text: input.prompt },
          ...input.attachments.map((a) => ({ type: 'image_url', image_url: { url: `data:${a.mediaType};base64,${a.data}` } })),
        ]
  messages.push({ role: 'user', content })
  const body: Record<string, unknown> = { model: input.model, messages }
  if (options.temperature !== undefined) body.temperature = options.temperature
  // OpenAI's reasoning models reject max_tokens; many compatible services know only max_tokens.
  if (options.maxTokens !== undefined) body[input.quirks.maxCompletionTokens ? 'max_completion_tokens' : 'max_tokens'] = options.maxTokens
  if (options.reasoningEffort !== undefined) body.reasoning_effort = options.reasoningEffort
  if (input.stream) {
    body.stream = true
    // Without it OpenAI sends no usage in a stream (and the footer would have no tokens).
    if (!input.quirks.noStreamOptions) body.stream_options = { include_usage: true }
  }
  return body
}

export async function chatCommand(prompt: string | undefined, options: ChatOptions): Promise<void> {
  const spec: RequestSpec = {
    command: 'chat',
    format: 'openai',
    endpoint: '/v1/chat/completions',
    buildBody: (input) => chatBody(input, options),
  }
  await exitWith(await runOneOff(spec, prompt, options))
}
