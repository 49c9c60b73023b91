/** Per-route request checks: parse the body, then apply the provider's own rules. */
import { anthropicErrorBody } from './anthropic/errors.js'
import { validateAnthropicCountTokens, validateAnthropicMessages } from './anthropic/validate.js'
import type { Rejection } from './auth.js'
import { geminiErrorBody } from './gemini/errors.js'
import { validateGemini } from './gemini/validate.js'
import { invalidRequest } from './openai/errors.js'
import { validateOpenAIChat } from './openai/validate.js'
import { anthropicRequestId } from './response-headers.js'
import type { RecordedRequest } from './types.js'

export interface ValidationSettings {
  secret: string
  geminiSignatureCheck: boolean
}

const NEEDS_BODY = new Set(['openai.chat', 'anthropic.messages', 'anthropic.count_tokens', 'gemini.generate', 'gemini.stream', 'gemini.count_tokens'])

function unparsable(req: RecordedRequest, seed: string): Rejection {
  switch (req.provider) {
    case 'anthropic': {
      const message = 'There was an error parsing the body of your request: expected a JSON object'
      return { status: 400, message, body: anthropicErrorBody(400, anthropicRequestId(seed), 'invalid_request_error', message) }
    }
    case 'gemini': {
      const message = 'Invalid JSON payload received. Unexpected token.'
      return { status: 400, message, body: geminiErrorBody(400, message) }
    }
    default: {
      const message =
        "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON. If you have trouble figuring out how to fix this, please contact us through our help center at help.openai.com.)"
      return { status: 400, message, body: invalidRequest(message) }
    }
  }
}

/** Null when the request may be answered. The body check applies even with validation off. */
export function checkBodyParsed(req: RecordedRequest, seed: string): Rejection | null {
  if (!req.route || !NEEDS_BODY.has(req.route)) return null
  const json = req.json
  return json && typeof json === 'object' && !Array.isArray(json) ? null : unparsable(req, seed)
}

export function validateRequest(req: RecordedRequest, seed: string, settings: ValidationSettings): Rejection | null {
  const body = req.json as Record<string, unknown>
  switch (req.route) {
    case 'openai.chat': {
      const error = validateOpenAIChat(body)
      return error && { status: 400, message: error.error.message, body: error }
    }
    case 'anthropic.messages':
    case 'anthropic.count_tokens': {
      const message = req.route === 'anthropic.messages' ? validateAnthropicMessages(body, settings.secret) : validateAnthropicCountTokens(body, settings.secret)
      return message === null ? null : { status: 400, message, body: anthropicErrorBody(400, anthropicRequestId(seed), 'invalid_request_error', message) }
    }
    case 'gemini.generate':
    case 'gemini.stream':
    case 'gemini.count_tokens': {
      const message = validateGemini(body, req.model ?? '', settings.secret, settings.geminiSignatureCheck && req.route !== 'gemini.count_tokens')
      return message === null ? null : { status: 400, message, body: geminiErrorBody(400, message) }
    }
    default:
      return null
  }
}
