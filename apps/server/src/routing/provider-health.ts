import { type CodesOf, isProviderError, type OpenPixelsError, type ParamsOf } from '@openpixels/errors';
import { CircuitBreaker, type CircuitBreakerOptions, type CircuitSnapshot } from './circuit-breaker.ts';

/** How an attempt ended, as far as the provider's health is concerned. */
export type AttemptOutcome = 'success' | 'failure' | 'neutral';

/** Measured behaviour of one provider for one model. */
export interface ModelStats {
  attempts: number;
  successes: number;
  failures: number;
  /** Exponentially weighted mean of successful attempts' durations; null before the first. */
  latencyMs: number | null;
}

const LATENCY_WEIGHT = 0.2;

/** The provider codes: the only ones that can say anything about a provider's health. */
type ProviderCode = CodesOf<'PROVIDER_ERROR'>;

/** A code's verdict on the provider, fixed or read from the error's params. */
type OutcomeRule<C extends ProviderCode> = AttemptOutcome | ((params: ParamsOf<C>) => AttemptOutcome);

// Keyed by every provider code, so a new one fails to compile until someone decides whether
// it counts against the provider's circuit. A provider that could not be reached, timed out,
// answered 5xx or 429, or rejected our key (401/403) is unwell; a job error or a 4xx about the
// input says nothing about its health, nor do codes the gateway itself decides.
const OUTCOMES: { [C in ProviderCode]: OutcomeRule<C> } = {
  PROVIDER_ERROR: 'failure',
  PROVIDER_TIMEOUT: 'failure',
  PROVIDER_HTTP_ERROR: ({ status }) =>
    status >= 500 || status === 429 || status === 401 || status === 403 ? 'failure' : 'neutral',
  PROVIDER_JOB_ERROR: 'neutral',
  PROVIDER_NOT_FOUND: 'neutral',
  NO_PROVIDERS_WORKING: 'neutral',
};

function outcomeOf<C extends ProviderCode>(code: C, params: ParamsOf<C>): AttemptOutcome {
  const rule: OutcomeRule<C> = OUTCOMES[code];
  return typeof rule === 'function' ? rule(params) : rule;
}

/**
 * Whether an attempt's error counts against the provider's circuit. Only provider codes can:
 * anything else (the gateway's own storage, a refusal before the provider was asked) is neutral.
 */
export function outcomeOfError(error: OpenPixelsError): AttemptOutcome {
  return isProviderError(error) ? outcomeOf(error.code, error.params) : 'neutral';
}

/** The breaker and the measurements of every provider, in memory (they restart fresh with the process). */
export class ProviderHealth {
  readonly #breakers = new Map<string, CircuitBreaker>();
  readonly #stats = new Map<string, Map<string, ModelStats>>();
  readonly #options: CircuitBreakerOptions;

  constructor(providerIds: readonly string[], options: CircuitBreakerOptions) {
    this.#options = options;
    for (const id of providerIds) this.#breakerOf(id);
  }

  breaker(provider: string): CircuitBreaker {
    return this.#breakerOf(provider);
  }

  /** Records an attempt's end: feeds the breaker and the model's measurements. */
  record(provider: string, model: string, outcome: AttemptOutcome, durationMs: number): void {
    const breaker = this.#breakerOf(provider);
    if (outcome === 'success') breaker.recordSuccess();
    else if (outcome === 'failure') breaker.recordFailure();
    else breaker.recordNeutral();

    const stats = this.stats(provider, model);
    stats.attempts += 1;
    if (outcome === 'success') {
      stats.successes += 1;
      stats.latencyMs =
        stats.latencyMs === null ? durationMs : stats.latencyMs + LATENCY_WEIGHT * (durationMs - stats.latencyMs);
    } else if (outcome === 'failure') {
      stats.failures += 1;
    }
  }

  /** The measurements of one provider for one model (zeros before any attempt). */
  stats(provider: string, model: string): ModelStats {
    const byModel = this.#stats.get(provider) ?? new Map<string, ModelStats>();
    this.#stats.set(provider, byModel);
    const stats = byModel.get(model) ?? {
      attempts: 0,
      successes: 0,
      failures: 0,
      latencyMs: null,
    };
    byModel.set(model, stats);
    return stats;
  }

  /** What `GET /v2/providers` shows: the breaker, and the measurements per model. */
  snapshot(provider: string): {
    circuit: CircuitSnapshot;
    models: Record<string, ModelStats>;
  } {
    return {
      circuit: this.#breakerOf(provider).snapshot(),
      models: Object.fromEntries(this.#stats.get(provider) ?? []),
    };
  }

  #breakerOf(provider: string): CircuitBreaker {
    const breaker = this.#breakers.get(provider) ?? new CircuitBreaker(this.#options);
    this.#breakers.set(provider, breaker);
    return breaker;
  }
}
