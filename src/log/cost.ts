/**
 * The cost the log records for each call: the catalogue's list price for the
 * model as served by that provider's host (its preset), null when unknown.
 */
import { costUsd } from '../catalog/index.js'
import type { GatewayConfig } from '../config/types.js'
import type { CostFunction } from '../gateway/request-trace.js'

export function createCostFunction(config: GatewayConfig): CostFunction {
  return (model, usage, provider) => {
    const providerConfig = provider === null ? undefined : config.providers[provider]
    // The offline mock costs nothing, whatever model name it is asked for.
    if (providerConfig?.type === 'mock') return 0
    try {
      return costUsd(model, usage, providerConfig?.preset)
    } catch {
      return null
    }
  }
}
