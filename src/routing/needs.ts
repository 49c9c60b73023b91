/** What a request needs from a model, read off its IR (for `auto`). */
import { estimateInputTokens } from '../ir/estimate-tokens.js'
import type { IRRequest, Part } from '../ir/types.js'
import type { RequestNeeds } from './types.js'

/** Output assumed when the client sets no limit: enough for a long answer, small enough not to rule out models. */
export const ASSUMED_OUTPUT_TOKENS = 4_096

function hasImage(parts: Part[]): boolean {
  return parts.some((part) => part.type === 'image' || (part.type === 'tool_result' && part.content.some((inner) => inner.type === 'image')))
}

export function needsOf(request: IRRequest): RequestNeeds {
  return {
    tools: (request.tools?.length ?? 0) > 0,
    vision: request.messages.some((message) => hasImage(message.parts)),
    reasoning: request.reasoning?.enabled === true,
    contextTokens: estimateInputTokens(request) + (request.maxTokens ?? ASSUMED_OUTPUT_TOKENS),
  }
}

/** No particular needs: what `auto` assumes when it cannot read the request. */
export const NO_NEEDS: RequestNeeds = { tools: false, vision: false, reasoning: false, contextTokens: 0 }
