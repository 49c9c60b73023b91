/** The default body of an `{ error: status }` reply: the provider's real envelope. */
import { anthropicErrorBody } from './anthropic/errors.js'
import { geminiErrorBody } from './gemini/errors.js'
import { openaiErrorBody } from './openai/errors.js'
import { anthropicRequestId } from './response-headers.js'
import type { Provider } from './types.js'

export function defaultErrorBody(provider: Provider, status: number, seed: string, model?: string): unknown {
  switch (provider) {
    case 'anthropic':
      return anthropicErrorBody(status, anthropicRequestId(seed))
    case 'gemini':
      return geminiErrorBody(status)
    case 'openai':
      return openaiErrorBody(status, {}, model)
  }
}

export function notFoundBody(provider: Provider, method: string, path: string, seed: string): unknown {
  switch (provider) {
    case 'anthropic':
      return anthropicErrorBody(404, anthropicRequestId(seed), 'not_found_error', `Not found: ${method} ${path}`)
    case 'gemini':
      return geminiErrorBody(404, `The requested URL ${path} was not found on this server.`)
    case 'openai':
      return openaiErrorBody(404, { message: `Invalid URL (${method} ${path})`, type: 'invalid_request_error', param: null, code: null })
  }
}
