/** The format objects by name: what the gateway looks up per request. */
import type { ClientFormatName, WireFormatName } from '../ir/types.js'
import { anthropicClientFormat, anthropicProviderFormat } from './anthropic/index.js'
import { geminiProviderFormat } from './gemini/index.js'
import { openaiClientFormat, openaiProviderFormat } from './openai-chat/index.js'
import type { ClientFormat, ProviderFormat } from './types.js'

export const clientFormats: Record<ClientFormatName, ClientFormat> = {
  openai: openaiClientFormat,
  anthropic: anthropicClientFormat,
}

export const providerFormats: Record<WireFormatName, ProviderFormat> = {
  openai: openaiProviderFormat,
  anthropic: anthropicProviderFormat,
  gemini: geminiProviderFormat,
}
