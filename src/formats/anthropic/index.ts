/**
 * The Anthropic Messages wire format, both as what clients speak to the
 * gateway's /v1/messages and as what the gateway speaks to Anthropic.
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

export const anthropicClientFormat: ClientFormat = {
  name: 'anthropic',
  parseRequest: requestToIR,
  validateRequest,
  responseFromIR,
  createStreamEncoder,
  renderError,
  renderStreamError,
}

export const anthropicProviderFormat: ProviderFormat = {
  name: 'anthropic',
  requestFromIR,
  responseToIR,
  createStreamDecoder,
  errorFromUpstream,
}
