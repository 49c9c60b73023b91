/**
 * `llm-gateway messages [PROMPT]`: one Anthropic-format (Messages API) request
 * through the gateway, the reply streamed to the terminal.
 */
import { UsageError } from './fail.js'
import { exitWith } from './prompt/exit-with.js'
import type { OneOffOptions } from './prompt/one-off-options.js'
import { type BodyInput, type RequestSpec, runOneOff } from './prompt/run-one-off.js'

export interface MessagesOptions extends OneOffOptions {
  /** --thinking BUDGET: extended thinking with this many tokens. */
  thinking?: number
}

/** Anthropic requires max_tokens; room for a full answer, plus the thinking budget when there is one. */
export const DEFAULT_MAX_TOKENS = 4096
/** The smallest budget Anthropic accepts. */
export const MIN_THINKING_BUDGET = 1024

export function maxTokensFor(options: MessagesOptions): number {
  const { thinking, maxTokens } = options
  if (thinking !== undefined && thinking < MIN_THINKING_BUDGET) {
    throw new UsageError(`--thinking expects at least ${MIN_THINKING_BUDGET} tokens, got ${thinking}`)
  }
  if (maxTokens === undefined) return thinking === undefined ? DEFAULT_MAX_TOKENS : thinking + DEFAULT_MAX_TOKENS
  if (thinking !== undefined && maxTokens <= thinking) {
    throw new UsageError(`--max-tokens (${maxTokens}) must be larger than the --thinking budget (${thinking}): it includes the thinking`)
  }
  return maxTokens
}

export function messagesBody(input: BodyInput, options: MessagesOptions): Record<string, unknown> {
  // Anthropic recommends images before the text that refers to them.
  const content =
    input.attachments.length === 0
      ? input.prompt
      : [
          ...input.attachments.map((a) => ({ type: 'image', source: { type: 'base64', media_type: a.mediaType, data: a.data } })),
          { type: 'text', text: input.prompt },
        ]
  const body: Record<string, unknown> = { model: input.model, max_tokens: maxTokensFor(options), messages: [{ role: 'user', content }] }
  if (options.system) body.system = options.system
  if (options.thinking !== undefined) body.thinking = { type: 'enabled', budget_tokens: options.thinking }
  if (input.stream) body.stream = true
  return body
}

export async function messagesCommand(prompt: string | undefined, options: MessagesOptions): Promise<void> {
  maxTokensFor(options) // flag mistakes are reported before anything is read or sent
  const spec: RequestSpec = {
    command: 'messages',
    format: 'anthropic',
    endpoint: '/v1/messages',
    buildBody: (input) => messagesBody(input, options),
  }
  await exitWith(await runOneOff(spec, prompt, options))
}
