/**
 * The generateContent checks a translating gateway can trip over, with the real
 * error texts: contents present and non-empty, valid roles, function responses
 * matching the calls, and (gemini-3) thought signatures on the current turn's calls.
 */
import { verifyGeminiSignature } from '../signing.js'
import { isGemini3 } from './render.js'

type Json = Record<string, unknown>
type Part = { text?: unknown; functionCall?: { name?: unknown }; functionResponse?: unknown; thoughtSignature?: unknown }
type Content = { role?: unknown; parts?: Part[] }

const SIGNATURE_DOCS = 'https://ai.google.dev/gemini-api/docs/thought-signatures'

export function validateGemini(body: Json, model: string, secret: string, checkSignatures: boolean): string | null {
  const contents = body.contents as Content[] | undefined
  if (!Array.isArray(contents) || contents.length === 0) return '* GenerateContentRequest.contents: contents is not specified\n'
  for (let i = 0; i < contents.length; i++) {
    const c = contents[i]
    if (c.role !== undefined && c.role !== 'user' && c.role !== 'model') return 'Please use a valid role: user, model.'
    if (!Array.isArray(c.parts) || c.parts.length === 0) return `* GenerateContentRequest.contents[${i}].parts: contents.parts must not be empty.\n`
  }
  return validateFunctionResponses(contents) ?? (checkSignatures && isGemini3(model) ? validateSignatures(contents, secret) : null)
}

const calls = (c: Content) => (c.parts ?? []).filter((p) => p.functionCall)
const responses = (c: Content) => (c.parts ?? []).filter((p) => p.functionResponse)

function validateFunctionResponses(contents: Content[]): string | null {
  for (let i = 1; i < contents.length; i++) {
    const answers = responses(contents[i]).length
    if (answers === 0) continue
    if (answers !== calls(contents[i - 1]).length)
      return 'Please ensure that the number of function response parts is equal to the number of function call parts of the function call turn.'
  }
  return null
}

/**
 * Like the real API, only the current turn is checked: the model turns after the last
 * user content that is not just function responses. In each, the first functionCall
 * must carry a signature the fake issued (or a documented bypass value).
 */
function validateSignatures(contents: Content[], secret: string): string | null {
  let start = 0
  for (let i = contents.length - 1; i >= 0; i--) {
    const c = contents[i]
    if (c.role !== 'model' && (c.parts ?? []).some((p) => !p.functionResponse)) {
      start = i + 1
      break
    }
  }
  for (let i = start; i < contents.length; i++) {
    if (contents[i].role !== 'model') continue
    const first = calls(contents[i])[0]
    if (!first) continue
    const name = String(first.functionCall?.name)
    if (first.thoughtSignature === undefined)
      return (
        'Function call is missing a thought_signature in functionCall parts. This is required for tools to work correctly, and missing thought_signature may lead to degraded model performance. ' +
        `Additional data, function call \`default_api:${name}\` , position ${i + 1}. Please refer to ${SIGNATURE_DOCS} for more details.`
      )
    if (!verifyGeminiSignature(secret, first.thoughtSignature)) return `Corrupted thought signature in function call \`default_api:${name}\` , position ${i + 1}.`
  }
  return null
}
