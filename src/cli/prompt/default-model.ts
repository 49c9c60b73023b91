/**
 * The model a one-off command uses without `-m`, in this order:
 *   1. an alias named `default` in the config's `models`;
 *   2. else the first alias the config defines (with targets);
 *   3. else the first model a non-mock provider declares (`provider/model`);
 *   4. else `mock/echo` when the mock is the only provider;
 *   5. else none: `-m` is required (exit 2). Guessing a paid model is worse
 *      than asking (`auto` would pick the priciest one the providers serve).
 */
import type { GatewayConfig } from '../../config/types.js'
import { UsageError } from '../fail.js'

export function defaultModel(config: GatewayConfig): string {
  const aliases = Object.entries(config.models).filter(([, alias]) => alias.targets.length > 0)
  const named = aliases.find(([name]) => name === 'default')
  if (named) return named[0]
  if (aliases.length > 0) return aliases[0][0]

  const providers = Object.values(config.providers)
  const declaring = providers.find((p) => p.type !== 'mock' && p.models.length > 0)
  if (declaring) return `${declaring.name}/${declaring.models[0]}`
  const mocks = providers.filter((p) => p.type === 'mock')
  if (mocks.length > 0 && mocks.length === providers.length) return `${mocks[0].name}/${mocks[0].models[0] ?? 'echo'}`

  const example = providers.find((p) => p.type !== 'mock')?.name ?? 'openai'
  throw new UsageError(
    `no default model: pass -m MODEL (e.g. -m ${example}/<model>, an alias, or auto; \`llm-gateway models\` lists names), or add an alias named "default" under "models" in the config`,
  )
}
