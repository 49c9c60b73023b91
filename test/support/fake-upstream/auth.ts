/**
 * Authentication the way each real API checks it, with its real rejection:
 * OpenAI `Authorization: Bearer`, Anthropic `x-api-key` (+ required `anthropic-version`),
 * Gemini `x-goog-api-key` or `?key=` (Gemini answers 403 for no key and 400
 * API_KEY_INVALID for a wrong one — not 401 — exactly like Google's servers).
 */
import { anthropicErrorBody } from './anthropic/errors.js'
import { geminiErrorBody } from './gemini/errors.js'
import { openaiErrorBody } from './openai/errors.js'
import { anthropicRequestId } from './response-headers.js'
import type { Provider } from './types.js'

export interface Rejection {
  status: number
  body: unknown
  message: string
}

/** Real OpenAI echoes a masked key: first 3 and last 4 characters. */
function maskKey(key: string): string {
  return key.length <= 8 ? '*'.repeat(key.length) : `${key.slice(0, 3)}${'*'.repeat(Math.min(key.length - 7, 40))}${key.slice(-4)}`
}

function checkOpenAI(expected: string, headers: Record<string, string>): Rejection | null {
  const auth = headers.authorization
  const key = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined
  if (key === expected) return null
  const message = key
    ? `Incorrect API key provided: ${maskKey(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`
    : "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys."
  return { status: 401, message, body: openaiErrorBody(401, { message, code: key ? 'invalid_api_key' : null }) }
}

function checkAnthropic(expected: string | undefined, headers: Record<string, string>, seed: string): Rejection | null {
  const key = headers['x-api-key']
  if (expected !== undefined && key !== expected) {
    const message = key ? 'invalid x-api-key' : 'x-api-key header is required'
    return { status: 401, message, body: anthropicErrorBody(401, anthropicRequestId(seed), 'authentication_error', message) }
  }
  if (headers['anthropic-version'] === undefined) {
    const message = 'anthropic-version: header is required'
    return { status: 400, message, body: anthropicErrorBody(400, anthropicRequestId(seed), 'invalid_request_error', message) }
  }
  return null
}

function checkGemini(expected: string, headers: Record<string, string>, query: Record<string, string>): Rejection | null {
  const key = headers['x-goog-api-key'] ?? query.key
  if (key === expected) return null
  if (key === undefined) {
    const message =
      "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API."
    return { status: 403, message, body: geminiErrorBody(403, message) }
  }
  const message = 'API key not valid. Please pass a valid API key.'
  const details = [
    {
      '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
      reason: 'API_KEY_INVALID',
      domain: 'googleapis.com',
      metadata: { service: 'generativelanguage.googleapis.com' },
    },
    { '@type': 'type.googleapis.com/google.rpc.LocalizedMessage', locale: 'en-US', message },
  ]
  return { status: 400, message, body: geminiErrorBody(400, message, details) }
}

export function checkAuth(
  provider: Provider,
  expected: string | undefined,
  headers: Record<string, string>,
  query: Record<string, string>,
  seed: string,
): Rejection | null {
  // Anthropic wants its version header even when the fake has no key configured.
  if (provider === 'anthropic') return checkAnthropic(expected, headers, seed)
  if (expected === undefined) return null
  return provider === 'openai' ? checkOpenAI(expected, headers) : checkGemini(expected, headers, query)
}
