/** Builds the runtime provider for each configured provider. */
import type { ProviderConfig } from '../config/types.js'
import { createAnthropicProvider } from './anthropic.js'
import { createGeminiProvider } from './gemini.js'
import { createMockProvider } from './mock.js'
import { createOpenAIProvider } from './openai.js'
import type { Provider } from './types.js'

export function createProvider(config: ProviderConfig): Provider {
  switch (config.type) {
    case 'openai':
      return createOpenAIProvider(config)
    case 'anthropic':
      return createAnthropicProvider(config)
    case 'gemini':
      return createGeminiProvider(config)
    case 'mock':
      return createMockProvider(config)
  }
}
