/**
 * Routing defaults, in one place so the README and the code agree. Chosen for
 * an interactive developer tool: a failing provider costs the client well under
 * a second before the next target is tried, and a dead one is skipped for half
 * a minute instead of being hammered.
 */
import type { RoutingConfig } from '../config/types.js'

export const DEFAULT_ROUTING: RoutingConfig = {
  retries: 2,
  backoffMs: 250,
  maxBackoffMs: 8_000,
  deadlineMs: 120_000,
  breaker: { failures: 5, cooldownMs: 30_000 },
  modelLists: { refreshMs: 600_000, waitMs: 2_000 },
}
