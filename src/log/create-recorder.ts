/**
 * The recorder a configuration asks for: a FileRecorder under `log.dir`
 * scrubbing every key the config knows, or nothing when `log.enabled` is false.
 * Used by `serve` and by the one-off commands, so both log the same way.
 */
import type { GatewayConfig } from '../config/types.js'
import { providerSecrets } from '../providers/http/scrub-secrets.js'
import { FileRecorder, type FileRecorderOptions } from './file-recorder.js'
import { nullRecorder, type Recorder } from './record.js'

/** Every secret in the config: each provider's credentials and the keys clients use on the gateway. */
export function configSecrets(config: GatewayConfig): string[] {
  const secrets = new Set<string>(config.server.apiKeys)
  for (const provider of Object.values(config.providers)) for (const secret of providerSecrets(provider)) secrets.add(secret)
  return [...secrets].filter(Boolean)
}

export function createRecorder(config: GatewayConfig, overrides: Partial<FileRecorderOptions> = {}): Recorder {
  if (!config.log.enabled) return nullRecorder
  return new FileRecorder({ dir: config.log.dir, bodies: config.log.bodies, secrets: configSecrets(config), ...overrides })
}
