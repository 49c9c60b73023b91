/**
 * IR images -> Gemini parts: base64 (and `data:` URLs) go inline; http(s)
 * URLs go by reference as `fileData`, with the MIME type guessed from the
 * file extension (Gemini wants one; it is left out when unknown).
 */
import type { ImagePart } from '../../ir/types.js'
import type { GeminiPart } from './wire-types.js'

const EXTENSION_MIME: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  heif: 'image/heif',
  bmp: 'image/bmp',
  pdf: 'application/pdf',
}

export function imageToPart(image: ImagePart): GeminiPart {
  const source = image.source
  if (source.kind === 'base64') return { inlineData: { mimeType: source.mediaType, data: source.data } }
  const inline = parseDataUrl(source.url)
  if (inline) return { inlineData: inline }
  const mimeType = guessMimeType(source.url)
  return { fileData: mimeType ? { mimeType, fileUri: source.url } : { fileUri: source.url } }
}

export function guessMimeType(url: string): string | undefined {
  let path = url
  try {
    path = new URL(url).pathname
  } catch {
    // not an absolute URL: use it as a path
  }
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase()
  return extension ? EXTENSION_MIME[extension] : undefined
}

function parseDataUrl(url: string): { mimeType: string; data: string } | undefined {
  const match = /^data:([^;,]+)(?:;[^,]*)?;base64,(.*)$/s.exec(url)
  return match ? { mimeType: match[1], data: match[2] } : undefined
}
