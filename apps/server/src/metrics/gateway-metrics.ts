import { createError, type ErrorCode, errorCatalog, errorCodes, type OpenPixelsErrorEnvelope } from '@openpixels/errors';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { JobObserver, JobOutcome } from '../jobs/job-observer.ts';
import type { CircuitState } from '../routing/circuit-breaker.ts';

/** The circuit states a gauge is kept for, each provider having exactly one of them at 1. */
const CIRCUIT_STATES: readonly CircuitState[] = ['closed', 'open', 'half_open'];

/** Attempt latency buckets, in seconds: an instant stand-in to a provider near the attempt timeout. */
const ATTEMPT_BUCKETS = [0.005, 0.025, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

/** What the metrics read from the running server when scraped (circuits are state, not events). */
export interface MetricsSources {
  providerIds: readonly string[];
  circuitState(provider: string): CircuitState;
}

/**
 * The gateway's Prometheus metrics, in a registry of its own (several servers can run in one
 * process, as the tests do). Labelled children are looked up once per label set and kept in
 * maps: prom-client's own look-up hashes the label object on every call, which is measurable
 * on the hot path. Error labels come from the catalog, and every code is there from the start
 * at 0, so a dashboard sees all of them and a renamed code cannot drift from it.
 */
export class GatewayMetrics implements JobObserver {
  readonly registry = new Registry();
  readonly #errors: Counter<'type' | 'code'>;
  readonly #errorChildren = new Map<string, ReturnType<Counter<'type' | 'code'>['labels']>>();
  readonly #jobs: Counter<'model' | 'provider' | 'outcome'>;
  readonly #jobChildren = new Map<string, ReturnType<Counter<'model' | 'provider' | 'outcome'>['labels']>>();
  readonly #attempts: Histogram<'provider' | 'model' | 'code'>;
  readonly #attemptChildren = new Map<string, ReturnType<Histogram<'provider' | 'model' | 'code'>['labels']>>();
  readonly #reroutes: Counter<'from' | 'to'>;
  readonly #reserved: Counter;
  readonly #refunded: Counter;
  readonly #requests: Counter<'route' | 'method' | 'status'>;
  readonly #requestChildren = new Map<string, ReturnType<Counter<'route' | 'method' | 'status'>['labels']>>();
  #gather: (() => Promise<string | null>) | undefined;

  constructor(sources: MetricsSources) {
    const registers = [this.registry];
    this.#errors = new Counter({
      name: 'openpixels_errors_total',
      help: 'Errors answered to a request or ended a job with, by catalog type and code.',
      labelNames: ['type', 'code'],
      registers,
    });
    for (const code of errorCodes) this.#errorChild(code);
    this.#jobs = new Counter({
      name: 'openpixels_jobs_total',
      help: 'Jobs finished, by model, provider (the one that made the image or the last attempt; none when no attempt ran) and outcome.',
      labelNames: ['model', 'provider', 'outcome'],
      registers,
    });
    this.#attempts = new Histogram({
      name: 'openpixels_attempt_duration_seconds',
      help: 'Provider attempts, by provider, model and result (ok, or the error code), and how long each took.',
      labelNames: ['provider', 'model', 'code'],
      buckets: ATTEMPT_BUCKETS,
      registers,
    });
    this.#reroutes = new Counter({
      name: 'openpixels_reroutes_total',
      help: 'Jobs moved to another provider after a failed attempt, by the provider left and the one tried next.',
      labelNames: ['from', 'to'],
      registers,
    });
    this.#reserved = new Counter({
      name: 'openpixels_credits_reserved_total',
      help: 'Credits reserved by accepted jobs.',
      registers,
    });
    this.#refunded = new Counter({
      name: 'openpixels_credits_refunded_total',
      help: 'Credits given back for jobs that failed or were cancelled.',
      registers,
    });
    this.#requests = new Counter({
      name: 'openpixels_http_requests_total',
      help: 'HTTP requests answered, by route (its pattern; unmatched for no route), method and status.',
      labelNames: ['route', 'method', 'status'],
      registers,
    });
    new Gauge({
      name: 'openpixels_circuit_state',
      help: "Each provider's circuit: 1 for the state it is in, 0 for the others.",
      labelNames: ['provider', 'state'],
      registers,
      // Across workers (each has its own breakers), 1 when some worker's circuit is in that state:
      // an open one anywhere shows, and the gauge never reads 2.
      aggregator: 'max',
      collect() {
        for (const provider of sources.providerIds) {
          const current = sources.circuitState(provider);
          for (const state of CIRCUIT_STATES) this.labels(provider, state).set(current === state ? 1 : 0);
        }
      },
    });
  }

  /** Counts an error answered to a request (any route, any code). */
  errorAnswered(code: ErrorCode): void {
    this.#errorChild(code).inc();
  }

  /** Counts one answered HTTP request. */
  requestAnswered(route: string, method: string, status: number): void {
    const key = `${route} ${method} ${status}`;
    let child = this.#requestChildren.get(key);
    if (!child) {
      child = this.#requests.labels(route, method, String(status));
      this.#requestChildren.set(key, child);
    }
    child.inc();
  }

  reserved(price: number): void {
    this.#reserved.inc(price);
  }

  attemptEnded(provider: string, model: string, code: string, durationMs: number): void {
    const key = `${provider} ${model} ${code}`;
    let child = this.#attemptChildren.get(key);
    if (!child) {
      child = this.#attempts.labels(provider, model, code);
      this.#attemptChildren.set(key, child);
    }
    child.observe(durationMs / 1000);
  }

  rerouted(from: string, to: string): void {
    this.#reroutes.labels(from, to).inc();
  }

  finished(
    model: string,
    provider: string | null,
    outcome: JobOutcome,
    error: OpenPixelsErrorEnvelope | null,
    refunded: number,
  ): void {
    const key = `${model} ${provider} ${outcome}`;
    let child = this.#jobChildren.get(key);
    if (!child) {
      child = this.#jobs.labels(model, provider ?? 'none', outcome);
      this.#jobChildren.set(key, child);
    }
    child.inc();
    if (error && Object.hasOwn(errorCatalog, error.code)) this.#errorChild(error.code as ErrorCode).inc();
    if (refunded > 0) this.#refunded.inc(refunded);
  }

  /**
   * Makes `render` answer what `gather` gathers (a cluster worker: the whole group's metrics,
   * cluster/group-metrics.ts) rather than this registry alone; null from it means not in time.
   */
  gatherWith(gather: () => Promise<string | null>): void {
    this.#gather = gather;
  }

  /** The text a Prometheus scrape reads, and its content type; SERVICE_UNAVAILABLE when the group's could not be gathered. */
  async render(): Promise<{ contentType: string; body: string }> {
    if (!this.#gather) return { contentType: this.registry.contentType, body: await this.registry.metrics() };
    const body = await this.#gather();
    if (body === null) {
      throw createError(
        'SERVICE_UNAVAILABLE',
        { retry_after_ms: 1000 },
        { message: "A worker did not answer with its metrics in time (one starting or stopping); scrape again in 1000 ms." },
      );
    }
    return { contentType: this.registry.contentType, body };
  }

  #errorChild(code: ErrorCode) {
    let child = this.#errorChildren.get(code);
    if (!child) {
      child = this.#errors.labels(errorCatalog[code].type, code);
      child.inc(0);
      this.#errorChildren.set(code, child);
    }
    return child;
  }
}
