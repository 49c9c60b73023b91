/**
 * `-a FILE` image attachments. The type comes from the file's first bytes, not
 * its name, so a mislabelled file is caught here rather than by the provider.
 */
import { readFile } from 'node:fs/promises'
import { UsageError } from '../fail.js'

export type ImageMediaType = 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif'

export interface Attachment {
  path: string
  mediaType: ImageMediaType
  /** The file, base64-encoded. */
  data: string
}

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) => signature.every((byte, i) => bytes[offset + i] === byte)
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0))

export function sniffImageType(bytes: Uint8Array): ImageMediaType | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp'
  return undefined
}

export async function readAttachment(path: string): Promise<Attachment> {
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : (error as Error).message
    throw new UsageError(`-a ${path}: ${reason}`)
  }
  const mediaType = sniffImageType(bytes)
  if (!mediaType) throw new UsageError(`-a ${path}: not a png, jpeg, webp or gif image (only images can be attached)`)
  return { path, mediaType, data: bytes.toString('base64') }
}

export function readAttachments(paths: readonly string[] = []): Promise<Attachment[]> {
  return Promise.all(paths.map(readAttachment))
}
