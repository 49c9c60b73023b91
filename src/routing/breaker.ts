/**
 * A circuit breaker per provider: after `failures` consecutive provider
 * failures it opens and the provider is skipped for `cooldownMs`; then one
 * request is let through as a probe (half-open). The probe's success closes
 * the breaker, its failure opens it for another cool-down.
 */

export type BreakerState = 'closed' | 'open' | 'half_open'

export interface BreakerSettings {
  /** Consecutive failures that open the breaker; 0 disables it. */
  failures: number
  cooldownMs: number
}

export class CircuitBreaker {
  private consecutive = 0
  private openedAt: number | null = null
  private probing = false

  constructor(
    private readonly settings: BreakerSettings,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): BreakerState {
    if (this.openedAt === null) return 'closed'
    return this.now() - this.openedAt >= this.settings.cooldownMs ? 'half_open' : 'open'
  }

  /** Consecutive failures so far (reset by any success). */
  get failureCount(): number {
    return this.consecutive
  }

  /** Milliseconds until an open breaker lets a probe through (0 when it would now). */
  retryInMs(): number {
    if (this.openedAt === null) return 0
    return Math.max(0, this.openedAt + this.settings.cooldownMs - this.now())
  }

  /**
   * May a request go to this provider now? Half-open lets exactly one probe
   * through at a time; callers that get `true` must report the outcome.
   */
  tryAcquire(): boolean {
    switch (this.state) {
      case 'closed':
        return true
      case 'open':
        return false
      case 'half_open':
        if (this.probing) return false
        this.probing = true
        return true
    }
  }

  onSuccess(): void {
    this.consecutive = 0
    this.openedAt = null
    this.probing = false
  }

  onFailure(): void {
    this.consecutive++
    const probeFailed = this.probing
    this.probing = false
    if (this.settings.failures > 0 && (probeFailed || this.consecutive >= this.settings.failures)) this.openedAt = this.now()
  }

  /** The request ended without a verdict on the provider (cancelled, or a client error before any call). */
  onAbandon(): void {
    this.probing = false
  }
}

/** One breaker per provider name, created on first use. */
export class BreakerRegistry {
  private readonly breakers = new Map<string, CircuitBreaker>()

  constructor(
    private readonly settings: BreakerSettings,
    private readonly now: () => number = Date.now,
  ) {}

  get(provider: string): CircuitBreaker {
    let breaker = this.breakers.get(provider)
    if (!breaker) {
      breaker = new CircuitBreaker(this.settings, this.now)
      this.breakers.set(provider, breaker)
    }
    return breaker
  }

  /** Providers whose breaker is not closed, for /health-style reporting. */
  snapshot(): Array<{ provider: string; state: BreakerState; failures: number; retryInMs: number }> {
    return [...this.breakers].map(([provider, b]) => ({ provider, state: b.state, failures: b.failureCount, retryInMs: b.retryInMs() }))
  }
}
