/**
 * The recorder a configuration asks for: a FileRecorder under `log.dir`
 * scrubbing every key the config knows, or nothing when `log.enabled` is false.
 * Used by `serve` and by the one-off commands, so both log the same way.
 */
import type { GatewayConfig } from '../config/types.js'
import { FileRecorder, type FileRecorderOptions } from './file-recorder.js'
import { nullRecorder, type Recorder } from './record.js'

const SECRET_HEADER = /auth|key|token|secret|cookie/i

/** Every secret in the config: provider keys (all of them) and the keys clients use on the gateway. */
export function configSecrets(config: GatewayConfig): string[] {
  const secrets = new Set<string>(config.server.apiKeys)
  for (const provider of Object.values(config.providers)) {
    if (provider.apiKey) secrets.add(provider.apiKey)
    for (const key of provider.apiKeys) secrets.add(key)
    // Custom auth headers (Azure's api-key, a proxy's token) are secrets too.
    for (const [name, value] of Object.entries(provider.headers)) {
      if (!SECRET_HEADER.test(name)) continue
      secrets.add(value)
      secrets.add(value.replace(/^(Bearer|Basic|Token)\s+/i, ''))
    }
  }
  return [...secrets].filter(Boolean)
}

export function createRecorder(config: GatewayConfig, overrides: Partial<FileRecorderOptions> = {}): Recorder {
  if (!config.log.enabled) return nullRecorder
  return new FileRecorder({ dir: config.log.dir, bodies: config.log.bodies, secrets: configSecrets(config), ...overrides })
}
