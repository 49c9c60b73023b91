/**
 * Signatures the fake issues and later verifies, like the real providers do:
 * Anthropic thinking signatures, redacted_thinking data and Gemini thought signatures.
 * Opaque tokens are self-verifying (seed + MAC), so they survive reset() and restarts.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { sha256 } from './hash.js'

export const DEFAULT_SIGNING_SECRET = 'fake-upstream-signing-secret'

/** Gemini documents these as accepted in place of a real signature (history from elsewhere). */
export const GEMINI_BYPASS_SIGNATURES = ['skip_thought_signature_validator', 'context_engineering_is_the_way_to_go']

export function signThinking(secret: string, thinking: string): string {
  return createHmac('sha256', secret).update(thinking).digest('base64')
}

function mac(secret: string, domain: string, seed: Buffer): Buffer {
  return createHmac('sha256', secret).update(domain).update(seed).digest()
}

function issueToken(secret: string, domain: string, seedText: string): string {
  const seed = sha256(`${domain}:${seedText}`).subarray(0, 16)
  return Buffer.concat([seed, mac(secret, domain, seed)]).toString('base64')
}

function verifyToken(secret: string, domain: string, token: unknown): boolean {
  if (typeof token !== 'string' || token === '') return false
  const bytes = Buffer.from(token, 'base64')
  if (bytes.length !== 48 || bytes.toString('base64') !== token) return false
  return timingSafeEqual(bytes.subarray(16), mac(secret, domain, bytes.subarray(0, 16)))
}

export const issueRedactedData = (secret: string, seed: string) => issueToken(secret, 'redacted_thinking', seed)
export const verifyRedactedData = (secret: string, data: unknown) => verifyToken(secret, 'redacted_thinking', data)
export const issueGeminiSignature = (secret: string, seed: string) => issueToken(secret, 'gemini_thought', seed)
export const verifyGeminiSignature = (secret: string, sig: unknown) =>
  GEMINI_BYPASS_SIGNATURES.includes(sig as string) || verifyToken(secret, 'gemini_thought', sig)
