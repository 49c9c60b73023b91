/**
 * The OpenAI Chat Completions wire format: what OpenAI SDK clients send the
 * gateway (client side) and what OpenAI-compatible services are sent (provider
 * side: OpenAI, Groq, DeepSeek, xAI, Mistral, OpenRouter, Ollama, vLLM ...).
 */
import type { ClientFormat, ProviderFormat } from '../types.js'
import { renderError, renderStreamError } from './errors.js'
import { requestFromIR } from './ir-to-request.js'
import { responseFromIR } from './ir-to-response.js'
import { createStreamEncoder } from './ir-to-stream.js'
import { requestToIR } from './request-to-ir.js'
import { responseToIR } from './response-to-ir.js'
import { createStreamDecoder } from './stream-to-ir.js'
import { errorFromUpstream } from './upstream-error.js'
import { validateRequest } from './validate-request.js'

export const openaiClientFormat: ClientFormat = {
  name: 'openai',
  parseRequest: requestToIR,
  validateRequest,
  responseFromIR,
  createStreamEncoder,
  renderError,
  renderStreamError,
}

export const openaiProviderFormat: ProviderFormat = {
  name: 'openai',
  requestFromIR,
  responseToIR,
  createStreamDecoder,
  errorFromUpstream,
}
