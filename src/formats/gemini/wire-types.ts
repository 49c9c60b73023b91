/**
 * The subset of the Gemini generateContent wire format the gateway reads and
 * writes (v1beta REST, camelCase JSON). Everything is optional on the response
 * side: upstream chunks omit whatever did not change.
 */

export interface GeminiFunctionCall {
  id?: string
  name?: string
  args?: Record<string, unknown>
  /** Streamed function call arguments (Vertex `streamFunctionCallArguments`). */
  partialArgs?: GeminiPartialArg[]
  /** More partial messages for this call follow. */
  willContinue?: boolean
}

export interface GeminiPartialArg {
  /** RFC 9535 JSON path of the argument, e.g. `$.location` or `$.items[0].name`. */
  jsonPath?: string
  stringValue?: string
  numberValue?: number
  boolValue?: boolean
  nullValue?: 'NULL_VALUE' | null
  /** More chunks for this same json path follow (strings arrive in pieces). */
  willContinue?: boolean
}

export interface GeminiFunctionResponse {
  id?: string
  name: string
  response: Record<string, unknown>
}

export interface GeminiPart {
  text?: string
  thought?: boolean
  thoughtSignature?: string
  inlineData?: { mimeType: string; data: string }
  fileData?: { mimeType?: string; fileUri: string }
  functionCall?: GeminiFunctionCall
  functionResponse?: GeminiFunctionResponse
}

export interface GeminiContent {
  role: 'user' | 'model'
  parts: GeminiPart[]
}

/** Gemini's OpenAPI-3.0-subset schema; built by clean-schema.ts. */
export type GeminiSchema = Record<string, unknown>

export interface GeminiFunctionDeclaration {
  name: string
  description?: string
  parameters?: GeminiSchema
}

export interface GeminiThinkingConfig {
  thinkingBudget?: number
  thinkingLevel?: 'minimal' | 'low' | 'medium' | 'high'
  includeThoughts?: boolean
}

export interface GeminiGenerationConfig {
  maxOutputTokens?: number
  temperature?: number
  topP?: number
  topK?: number
  stopSequences?: string[]
  candidateCount?: number
  seed?: number
  presencePenalty?: number
  frequencyPenalty?: number
  responseMimeType?: string
  responseSchema?: GeminiSchema
  thinkingConfig?: GeminiThinkingConfig
}

export interface GeminiFunctionCallingConfig {
  mode: 'AUTO' | 'ANY' | 'NONE'
  allowedFunctionNames?: string[]
}

export interface GeminiRequest {
  contents: GeminiContent[]
  systemInstruction?: { parts: Array<{ text: string }> }
  generationConfig?: GeminiGenerationConfig
  tools?: Array<{ functionDeclarations: GeminiFunctionDeclaration[] }>
  toolConfig?: { functionCallingConfig: GeminiFunctionCallingConfig }
}

export interface GeminiUsageMetadata {
  promptTokenCount?: number
  cachedContentTokenCount?: number
  candidatesTokenCount?: number
  thoughtsTokenCount?: number
  toolUsePromptTokenCount?: number
  totalTokenCount?: number
}

export interface GeminiCandidate {
  content?: { role?: string; parts?: GeminiPart[] }
  finishReason?: string
  finishMessage?: string
  index?: number
}

export interface GeminiResponse {
  candidates?: GeminiCandidate[]
  promptFeedback?: { blockReason?: string; blockReasonMessage?: string }
  usageMetadata?: GeminiUsageMetadata
  modelVersion?: string
  responseId?: string
  createTime?: string
}

/** The error envelope: `{"error":{code, message, status, details}}`. */
export interface GeminiErrorBody {
  error: {
    code?: number
    message?: string
    status?: string
    details?: Array<Record<string, unknown>>
  }
}
