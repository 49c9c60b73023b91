/**
 * IRRequest -> the generateContent body. The model goes in the URL and
 * streaming is chosen by the endpoint, so neither appears here. Gemini needs
 * no max-token default, so `defaultMaxTokens` is not applied. IR fields
 * Gemini has no equivalent for (`user`, `parallelToolCalls`, cache hints) are
 * left out.
 */
import type { IRRequest, ResponseFormat, ToolChoice, ToolDefinition } from '../../ir/types.js'
import type { ProviderRequestOptions } from '../types.js'
import { cleanSchema, cleanToolParameters } from './clean-schema.js'
import { contentsFromMessages } from './ir-to-contents.js'
import { isGemini3, thinkingConfigFor } from './thinking-config.js'
import type {
  GeminiFunctionCallingConfig,
  GeminiFunctionDeclaration,
  GeminiGenerationConfig,
  GeminiRequest,
} from './wire-types.js'

export function requestFromIR(request: IRRequest, options: ProviderRequestOptions): GeminiRequest {
  const body: GeminiRequest = {
    contents: contentsFromMessages(request.messages, { requireCallSignatures: isGemini3(options.model) }),
  }
  const system = request.system.filter((part) => part.text !== '')
  if (system.length > 0) body.systemInstruction = { parts: system.map((part) => ({ text: part.text })) }
  const generationConfig = generationConfigFor(request, options.model)
  if (Object.keys(generationConfig).length > 0) body.generationConfig = generationConfig
  if (request.tools && request.tools.length > 0) {
    body.tools = [{ functionDeclarations: request.tools.map(functionDeclaration) }]
    if (request.toolChoice) body.toolConfig = { functionCallingConfig: functionCallingConfig(request.toolChoice) }
  }
  return body
}

function generationConfigFor(request: IRRequest, model: string): GeminiGenerationConfig {
  const config: GeminiGenerationConfig = {}
  if (request.maxTokens !== undefined) config.maxOutputTokens = request.maxTokens
  if (request.temperature !== undefined) config.temperature = request.temperature
  if (request.topP !== undefined) config.topP = request.topP
  if (request.topK !== undefined) config.topK = request.topK
  if (request.stop && request.stop.length > 0) config.stopSequences = request.stop
  if (request.n !== undefined) config.candidateCount = request.n
  if (request.seed !== undefined) config.seed = request.seed
  if (request.presencePenalty !== undefined) config.presencePenalty = request.presencePenalty
  if (request.frequencyPenalty !== undefined) config.frequencyPenalty = request.frequencyPenalty
  Object.assign(config, responseFormatConfig(request.responseFormat))
  const thinking = thinkingConfigFor(request.reasoning, model)
  if (thinking) config.thinkingConfig = thinking
  return config
}

function responseFormatConfig(format: ResponseFormat | undefined): GeminiGenerationConfig {
  if (!format || format.type === 'text') return {}
  if (format.type === 'json_object') return { responseMimeType: 'application/json' }
  const schema = cleanSchema(format.schema)
  // An empty schema would constrain nothing (and Gemini rejects an empty OBJECT).
  const usable = Object.keys(schema).length > 0 && !(schema.type === 'object' && schema.properties === undefined)
  return usable ? { responseMimeType: 'application/json', responseSchema: schema } : { responseMimeType: 'application/json' }
}

function functionDeclaration(tool: ToolDefinition): GeminiFunctionDeclaration {
  const declaration: GeminiFunctionDeclaration = { name: tool.name }
  if (tool.description) declaration.description = tool.description
  const parameters = cleanToolParameters(tool.inputSchema)
  if (parameters) declaration.parameters = parameters
  return declaration
}

function functionCallingConfig(choice: ToolChoice): GeminiFunctionCallingConfig {
  switch (choice.type) {
    case 'auto':
      return { mode: 'AUTO' }
    case 'none':
      return { mode: 'NONE' }
    case 'required':
      return { mode: 'ANY' }
    case 'tool':
      return { mode: 'ANY', allowedFunctionNames: [choice.name] }
  }
}
