/** Deterministic ids: the same request body always yields the same ids. */
import { createHash } from 'node:crypto'

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'

export function sha256(text: string | Buffer): Buffer {
  return createHash('sha256').update(text).digest()
}

export function requestSeed(method: string, path: string, body: Buffer): string {
  return createHash('sha256').update(method).update(' ').update(path).update('\n').update(body).digest('hex')
}

function encode(alphabet: string, seed: string, salt: string, length: number): string {
  let out = ''
  let counter = 0
  while (out.length < length) {
    for (const byte of sha256(`${seed}:${salt}:${counter++}`)) {
      out += alphabet[byte % alphabet.length]
      if (out.length === length) break
    }
  }
  return out
}

export const base62 = (seed: string, salt: string, length: number) => encode(BASE62, seed, salt, length)
export const base58 = (seed: string, salt: string, length: number) => encode(BASE58, seed, salt, length)

export function uuidFrom(seed: string, salt: string): string {
  const h = sha256(`${seed}:${salt}`).toString('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`
}

export function base64url(seed: string, salt: string, length: number): string {
  return sha256(`${seed}:${salt}`).toString('base64url').slice(0, length)
}

/** A stable unix time per request, so repeated requests are byte-identical. */
export function createdFrom(seed: string): number {
  return 1_755_000_000 + (parseInt(seed.slice(0, 6), 16) % 10_000_000)
}
