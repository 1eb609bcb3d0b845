/** closed: traffic flows; open: the provider is skipped; half_open: one probe decides. */
export type CircuitState = 'closed' | 'open' | 'half_open';

export interface CircuitBreakerOptions {
  /** Consecutive health failures that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit stays open before a probe is allowed. */
  cooldownMs: number;
  now?: () => number;
}

/** What `GET /v2/providers` shows of a breaker. */
export interface CircuitSnapshot {
  state: CircuitState;
  consecutive_failures: number;
  opened_at: string | null;
  /** When an open circuit lets its next probe through. */
  retry_at: string | null;
}

/**
 * A per-provider circuit breaker. After `failureThreshold` consecutive failures the circuit
 * opens and the provider is skipped; after `cooldownMs` it is half-open and exactly one
 * attempt (the probe) may go through: success closes it, failure opens it again.
 */
export class CircuitBreaker {
  readonly #options: Required<CircuitBreakerOptions>;
  #failures = 0;
  #openedAt: number | null = null;
  #probeInFlight = false;

  constructor(options: CircuitBreakerOptions) {
    this.#options = { now: Date.now, ...options };
  }

  /** The state now; an open circuit turns half-open by itself once its cooldown has passed. */
  get state(): CircuitState {
    if (this.#openedAt === null) return 'closed';
    return this.#options.now() - this.#openedAt >= this.#options.cooldownMs ? 'half_open' : 'open';
  }

  /** True when an attempt could start now (without taking the probe). */
  get available(): boolean {
    const state = this.state;
    return state === 'closed' || (state === 'half_open' && !this.#probeInFlight);
  }

  /** Claims the right to send one attempt: always when closed, once per cooldown when half-open. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.#probeInFlight) return false;
    this.#probeInFlight = true;
    return true;
  }

  /** The attempt worked: close the circuit. */
  recordSuccess(): void {
    this.#failures = 0;
    this.#openedAt = null;
    this.#probeInFlight = false;
  }

  /** The attempt showed the provider unhealthy: count it, open the circuit at the threshold, re-open after a failed probe. */
  recordFailure(): void {
    this.#failures += 1;
    const wasProbe = this.#probeInFlight;
    this.#probeInFlight = false;
    if (wasProbe || this.state === 'half_open' || this.#failures >= this.#options.failureThreshold) {
      this.#openedAt = this.#options.now();
    }
  }

  /** The attempt ended without saying anything about health (the job's own error, or we gave up); frees the probe. */
  recordNeutral(): void {
    this.#probeInFlight = false;
  }

  snapshot(): CircuitSnapshot {
    const state = this.state;
    const openedAt = this.#openedAt;
    return {
      state,
      consecutive_failures: this.#failures,
      opened_at: openedAt === null ? null : new Date(openedAt).toISOString(),
      retry_at: openedAt === null ? null : new Date(openedAt + this.#options.cooldownMs).toISOString(),
    };
  }
}
