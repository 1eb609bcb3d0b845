import type { JobUpdate } from './job-state.ts';

/** Per-call options of `run`, `submit`, `poll` and `subscribe`; each method uses the ones that concern it. */
export interface RunOptions {
  /**
   * Stops the call; it then throws the signal's reason (an AbortError by default). In `run`, a
   * job already submitted is also cancelled on the gateway (and refunded) unless `cancelOnAbort`
   * is false. For a time limit that cancels too, pass `AbortSignal.timeout(ms)` here.
   */
  signal?: AbortSignal;
  /**
   * `run` only: whether aborting `signal` cancels the submitted job (default true). With false,
   * the abort only stops waiting; the job runs on, is charged, and can be polled by its id. A
   * `timeout` never cancels: it only stops waiting.
   */
  cancelOnAbort?: boolean;
  /** Milliseconds this call may take, retries included; overrides the client's `timeout`. */
  timeout?: number;
  /** Told of each status update while the job runs (`run`, `poll`). */
  onProgress?: (update: JobUpdate) => void;
  /** Throw an `OpenPixelsError` instead of returning `{ error }` (`run`, `submit`, `poll`). */
  throwOnError?: boolean;
  /** Your own key to deduplicate submits, e.g. one stored with your order; default: a fresh one per call. */
  idempotencyKey?: string;
}

/** Run options that turn failures into a thrown `OpenPixelsError`. */
export type ThrowingRunOptions = RunOptions & { throwOnError: true };

/** Options of `cancel`. */
export type CancelOptions = Pick<RunOptions, 'signal' | 'timeout'>;
