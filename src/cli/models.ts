/** `llm-gateway models`: what this configuration can route. */
import { loadConfig } from '../config/load.js'
import { listRoutableModels } from '../routing/list-models.js'
import { formatTable } from './table.js'

export interface ModelsOptions {
  config?: string
  json?: boolean
}

export async function modelsCommand(options: ModelsOptions): Promise<void> {
  const config = await loadConfig({ configPath: options.config })
  const models = listRoutableModels(config)
  if (options.json) {
    process.stdout.write(`${JSON.stringify(models, null, 2)}\n`)
    return
  }
  const rows = models.map((m) => [m.id, m.kind, m.provider ?? '', m.kind === 'alias' ? `-> ${m.targets?.join(', ')}` : (m.providerModel ?? '')])
  process.stdout.write(`${formatTable(['model', 'kind', 'provider', 'provider model / targets'], rows)}\n`)
}
