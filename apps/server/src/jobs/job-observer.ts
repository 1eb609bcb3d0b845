import type { OpenPixelsErrorEnvelope } from '@openpixels/errors';

/** How a job ended, as counted by an observer. */
export type JobOutcome = 'completed' | 'failed' | 'cancelled';

/**
 * What the runner and admission tell whoever watches jobs (the metrics): each call happens
 * once per fact, after the fact is stored. Kept here, not in metrics/, so jobs/ depends on
 * nothing that counts it; every method must be cheap, it runs on the hot path.
 */
export interface JobObserver {
  /** A new job was stored and `price` credits reserved for it (not called for an Idempotency-Key replay). */
  reserved(price: number): void;
  /** One provider attempt ended: `code` is `ok` or the attempt's error code. */
  attemptEnded(provider: string, model: string, code: string, durationMs: number): void;
  /** After a failed attempt on `from`, the job's next attempt went to another provider, `to`. */
  rerouted(from: string, to: string): void;
  /** A job finished; `provider` is the one that made its image or made its last attempt. */
  finished(
    model: string,
    provider: string | null,
    outcome: JobOutcome,
    error: OpenPixelsErrorEnvelope | null,
    refunded: number,
  ): void;
}

/** An observer that counts nothing (a runner or admission used without metrics). */
export const ignoreJobs: JobObserver = {
  reserved() {},
  attemptEnded() {},
  rerouted() {},
  finished() {},
};
