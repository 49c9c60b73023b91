/**
 * Inbound message content (a string or an array of content parts) as IR parts.
 * Images given as `data:` URLs become base64 sources, so providers that cannot
 * fetch URLs (Anthropic base64, Gemini inlineData) still get the bytes.
 */
import type { CacheHint, ImagePart, ImageSource, TextPart } from '../../ir/types.js'
import { type JsonObject, invalidRequest, invalidType, invalidValue, isObject, missingParameter, optionalObject, requiredString } from './check.js'

const IMAGE_DETAILS = ['auto', 'low', 'high'] as const
const UNSUPPORTED_PART_TYPES = new Set(['input_audio', 'file', 'audio'])

/** `cache_control` on a content part (an OpenRouter/LiteLLM extension for Anthropic caching). */
export function cacheHintOf(part: JsonObject, param: string): CacheHint | undefined {
  const control = optionalObject(part, 'cache_control', `${param}.cache_control`)
  if (!control) return undefined
  if (control.type !== 'ephemeral') throw invalidValue(`${param}.cache_control.type`, control.type, ['ephemeral'])
  const ttl = control.ttl
  if (ttl === undefined || ttl === null) return { type: 'ephemeral' }
  if (ttl !== '5m' && ttl !== '1h') throw invalidValue(`${param}.cache_control.ttl`, ttl, ['5m', '1h'])
  return { type: 'ephemeral', ttl }
}

const DATA_URL = /^data:([^;,]+)((?:;[^;,]+)*);base64,(.*)$/s

export function imageSourceFromUrl(url: string, param: string): ImageSource {
  if (url.startsWith('data:')) {
    const match = DATA_URL.exec(url)
    if (!match) throw invalidRequest(`Invalid '${param}': a data URL must be base64-encoded (data:<media type>;base64,<data>).`, param, 'invalid_value')
    return { kind: 'base64', mediaType: match[1], data: match[3] }
  }
  if (/^https?:\/\//i.test(url)) return { kind: 'url', url }
  throw invalidRequest(`Invalid '${param}': expected an http(s) URL or a base64 data URL.`, param, 'invalid_value')
}

export function textPartFrom(part: JsonObject, param: string): TextPart {
  const text = part.text
  if (text === undefined || text === null) throw missingParameter(`${param}.text`)
  if (typeof text !== 'string') throw invalidType(`${param}.text`, 'a string', text)
  const cache = cacheHintOf(part, param)
  return cache ? { type: 'text', text, cache } : { type: 'text', text }
}

export function imagePartFrom(part: JsonObject, param: string): ImagePart {
  const imageUrl = part.image_url
  if (imageUrl === undefined || imageUrl === null) throw missingParameter(`${param}.image_url`)
  if (typeof imageUrl !== 'string' && !isObject(imageUrl)) throw invalidType(`${param}.image_url`, 'an object', imageUrl)
  // Some clients send `image_url` as a bare string; accept it.
  const fields: JsonObject = typeof imageUrl === 'string' ? { url: imageUrl } : imageUrl
  const url = requiredString(fields, 'url', `${param}.image_url.url`)
  const image: ImagePart = { type: 'image', source: imageSourceFromUrl(url, `${param}.image_url.url`) }
  const detail = fields.detail
  if (detail !== undefined && detail !== null) {
    if (!(IMAGE_DETAILS as readonly unknown[]).includes(detail)) throw invalidValue(`${param}.image_url.detail`, detail, IMAGE_DETAILS)
    image.detail = detail as ImagePart['detail']
  }
  const cache = cacheHintOf(part, param)
  if (cache) image.cache = cache
  return image
}

function unsupportedPart(type: string, param: string) {
  return invalidRequest(`Content parts of type '${type}' are not supported by this gateway; send text or image_url parts.`, `${param}.type`, 'invalid_value')
}

/**
 * Content as IR parts. `allowImages` is false where OpenAI accepts only text
 * (system and developer messages).
 */
export function contentToParts(content: unknown, param: string, allowImages: boolean): Array<TextPart | ImagePart> {
  if (typeof content === 'string') return [{ type: 'text', text: content }]
  if (!Array.isArray(content)) throw invalidType(param, 'one of a string or array of objects', content)
  return content.map((part: unknown, j) => {
    const partParam = `${param}[${j}]`
    if (!isObject(part)) throw invalidType(partParam, 'an object', part)
    const type = part.type
    if (type === 'text') return textPartFrom(part, partParam)
    if (type === 'image_url' && allowImages) return imagePartFrom(part, partParam)
    if (typeof type === 'string' && (UNSUPPORTED_PART_TYPES.has(type) || type === 'image_url')) throw unsupportedPart(type, partParam)
    if (type === undefined) throw missingParameter(`${partParam}.type`)
    throw invalidValue(`${partParam}.type`, type, allowImages ? ['text', 'image_url'] : ['text'])
  })
}
