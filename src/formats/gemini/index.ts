/** The Gemini generateContent wire format: provider side only (clients speak OpenAI or Anthropic). */
import type { ProviderFormat } from '../types.js'
import { errorFromUpstream } from './errors.js'
import { requestFromIR } from './ir-to-request.js'
import { responseToIR } from './response-to-ir.js'
import { createStreamDecoder } from './stream-to-ir.js'

export const geminiProviderFormat: ProviderFormat = {
  name: 'gemini',
  requestFromIR,
  responseToIR,
  createStreamDecoder,
  errorFromUpstream,
}
