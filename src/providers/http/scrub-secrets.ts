/**
 * Upstream error bodies sometimes quote the credentials they were sent
 * ("Invalid API key: sk-..."). Before such a body becomes a client's error or
 * a log line, every credential the provider holds is masked. Only error paths
 * pay for it.
 */
import type { ProviderConfig } from '../../config/types.js'

export const MASK = '[redacted]'

/** Header names that carry credentials (Azure's api-key, a proxy's token ...). */
const SECRET_HEADER = /auth|key|token|secret|cookie/i

/** Shorter values would match ordinary text. */
const MIN_LENGTH = 6

/** The provider's keys and secret header values (with and without a `Bearer ` scheme), longest first. */
export function providerSecrets(config: Pick<ProviderConfig, 'apiKey' | 'apiKeys' | 'headers'>): string[] {
  const secrets = new Set<string>()
  if (config.apiKey) secrets.add(config.apiKey)
  for (const key of config.apiKeys) secrets.add(key)
  for (const [name, value] of Object.entries(config.headers)) {
    if (!SECRET_HEADER.test(name)) continue
    secrets.add(value)
    secrets.add(value.replace(/^(Bearer|Basic|Token)\s+/i, ''))
  }
  // Longest first, so a key is masked whole even when another secret is a part of it.
  return [...secrets].filter((s) => s.length >= MIN_LENGTH).sort((a, b) => b.length - a.length)
}

/** The text with every credential of the provider masked. */
export function scrubSecrets(text: string, config: Pick<ProviderConfig, 'apiKey' | 'apiKeys' | 'headers'>): string {
  let out = text
  for (const secret of providerSecrets(config)) if (out.includes(secret)) out = out.split(secret).join(MASK)
  return out
}
