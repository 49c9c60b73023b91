/**
 * Stub providers for routing unit tests: real validated provider configs
 * (presets, types, keys as the config validator builds them) with calls that
 * never leave the process.
 */
import { validateConfig } from '../../src/config/validate.js'
import type { GatewayConfig } from '../../src/config/types.js'
import type { IRResponse } from '../../src/ir/types.js'
import { createProvider } from '../../src/providers/create-provider.js'
import type { Provider } from '../../src/providers/types.js'
import { createRouting, type Routing } from '../../src/routing/create-routing.js'

/** A validated config from raw JSON (environment: only what is passed). */
export function configOf(raw: Record<string, unknown>, env: NodeJS.ProcessEnv = {}): GatewayConfig {
  return validateConfig(raw, { file: 'test-config', env })
}

export interface StubBehaviour {
  /** Model ids GET /models would return; a function to control timing or failure. */
  listModels?: string[] | (() => Promise<string[]>)
}

/**
 * Providers built from the config, their upstream calls replaced: `generate`
 * answers with an empty response, `listModels` as given (absent: no list).
 */
export function stubProviders(config: GatewayConfig, behaviour: Record<string, StubBehaviour> = {}): Map<string, Provider> {
  const providers = new Map<string, Provider>()
  for (const providerConfig of Object.values(config.providers)) {
    const real = createProvider(providerConfig)
    const list = behaviour[providerConfig.name]?.listModels
    const stub: Provider = {
      name: real.name,
      config: real.config,
      format: real.format,
      async generate(_request, options): Promise<IRResponse> {
        return { id: 'stub', model: options.model, content: [], stopReason: 'end', stopSequence: null, usage: { inputTokens: 1, outputTokens: 1 }, created: 0 }
      },
      async stream() {
        return (async function* () {})()
      },
      ...(list === undefined ? {} : { listModels: typeof list === 'function' ? list : async () => list }),
    }
    void real.close?.()
    providers.set(stub.name, stub)
  }
  return providers
}

/** Routing over stub providers for a raw config. */
export function stubRouting(raw: Record<string, unknown>, behaviour: Record<string, StubBehaviour> = {}, now?: () => number): Routing {
  const config = configOf(raw)
  return createRouting(config, stubProviders(config, behaviour), { now })
}

/** `provider/model` for each target, for compact assertions. */
export function names(targets: Array<{ provider: { name: string }; model: string }>): string[] {
  return targets.map((t) => `${t.provider.name}/${t.model}`)
}
