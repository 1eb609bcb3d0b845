import { decodeErrorEnvelope, OpenPixelsError, type OpenPixelsErrorEnvelope } from '@openpixels/errors';
import { createIdempotencyKey } from './create-idempotency-key.ts';
import { type Deadline, startDeadline } from './deadline.ts';
import type { JobResult, JobState, JobUpdate, RunResult, RunSuccess } from './job-state.ts';
import { pollJobStates } from './poll-job-states.ts';
import { type OpenPixelsOptions, type ResolvedOptions, resolveOptions } from './resolve-options.ts';
import type { CancelOptions, RunOptions, ThrowingRunOptions } from './run-options.ts';
import type { RunPayload } from './run-payload.ts';
import { sendJobRequest } from './send-job-request.ts';

/**
 * The OpenPixels client. Create it once and reuse it: `new OpenPixels('sk-op-…')`, or
 * `new OpenPixels({ apiKey, baseUrl, timeout, maxRetries, fetch })`.
 */
export class OpenPixels {
  readonly #options: ResolvedOptions;

  /** Throws MISSING_API_KEY when no key is given and `OPENPIXELS_API_KEY` is unset. */
  constructor(options?: string | OpenPixelsOptions) {
    this.#options = resolveOptions(options);
  }

  /**
   * Submits a job and follows it to its end. Resolves with `{ id, status, data }` or, when the
   * job or the request failed, `{ id?, status, error }`; throws only when the gateway could not be
   * reached (NetworkError), the call timed out (TimeoutError) or was aborted (the signal's reason).
   * The submit asks the gateway to hold its answer until the job ends (`?wait_ms=`, up to 25 s
   * and half of `requestTimeout`), so a quick job costs one request; one that outlasts the hold is
   * long-polled. With `onProgress` the submit is not held: its first update names the job.
   */
  run(payload: RunPayload, options: ThrowingRunOptions): Promise<RunSuccess>;
  run(payload: RunPayload, options?: RunOptions): Promise<RunResult>;
  async run(payload: RunPayload, options: RunOptions = {}): Promise<RunResult> {
    // Held until the job ends (one request instead of submit + poll), up to 25 s (the gateway's
    // own poll wait) and half a request's time, so it never outlives requestTimeout; not when the
    // caller follows progress, whose first update, naming the job, must come at once.
    const hold = options.onProgress ? 0 : Math.min(25_000, Math.floor(this.#options.requestTimeout / 2));
    const key = options.idempotencyKey ?? createIdempotencyKey();
    let submitted: string | undefined;
    let holding = false;
    try {
      return await this.#within(options, async (deadline) => {
        holding = hold > 0 && !deadline.signal.aborted;
        let state = await this.#submit(payload, key, deadline, hold);
        holding = false;
        if (state.type === 'update') {
          submitted = state.id;
          state = await follow(pollJobStates(this.#options, state.id, deadline), state, options);
        }
        return finish(state, options);
      });
    } catch (error) {
      // The caller gave up on the job, not just on waiting: stop it and get its credits back.
      if (options.signal?.aborted && options.cancelOnAbort !== false) {
        const timeout = Math.min(this.#options.requestTimeout, 10_000);
        if (holding) {
          // Aborted mid-hold, the job's id is not known yet: the same key's replay, unheld, names it.
          const state = await this.#within({ timeout }, (d) => this.#submit(payload, key, d, 0)).catch(() => {});
          if (state?.type === 'update') submitted = state.id;
        }
        if (submitted !== undefined) await this.cancel(submitted, { timeout }).catch(() => {});
      }
      throw error;
    }
  }

  /**
   * Cancels a job that has not finished: resolves with its result, `status: 'cancelled'` and the
   * error JOB_CANCELLED (its credits were refunded). A job that had already finished is left as
   * it was: the error is JOB_ALREADY_FINISHED and `status` says how it ended. Another key's job
   * answers JOB_NOT_FOUND. Throws only like `run` (network, timeout, abort).
   */
  cancel(id: string, options: CancelOptions = {}): Promise<RunResult> {
    return this.#within(options, async (deadline) => {
      const state = await sendJobRequest(this.#options, 'cancel', `/v2/cancel/${encodeURIComponent(id)}`, {}, deadline);
      if (state.type === 'result') {
        const { type: _, ...result } = state;
        if (result.error?.code === 'JOB_ALREADY_FINISHED') return { ...result, id, status: result.error.params.status };
        return result.error?.code === 'JOB_NOT_FOUND' ? { ...result, id } : result;
      }
      // A cancel always ends in a result; anything else is kept as evidence, not guessed at.
      return { id, status: state.status, error: decodeErrorEnvelope(state) as OpenPixelsErrorEnvelope };
    });
  }

  /**
   * Submits a job without waiting for it: resolves with an update (poll it with its `id`) or,
   * if the job finished at once or was refused, with its result.
   */
  submit(payload: RunPayload, options: ThrowingRunOptions): Promise<JobUpdate | ({ type: 'result' } & RunSuccess)>;
  submit(payload: RunPayload, options?: RunOptions): Promise<JobState>;
  submit(payload: RunPayload, options: RunOptions = {}): Promise<JobState> {
    return this.#within(options, async (deadline) => {
      const state = await this.#submit(payload, options.idempotencyKey ?? createIdempotencyKey(), deadline, 0);
      if (state.type === 'result') finish(state, options);
      return state;
    });
  }

  /** Follows a submitted job's long poll to its end, reconnecting as needed; resolves like `run`. */
  poll(id: string, options: ThrowingRunOptions): Promise<RunSuccess>;
  poll(id: string, options?: RunOptions): Promise<RunResult>;
  poll(id: string, options: RunOptions = {}): Promise<RunResult> {
    return this.#within(options, async (deadline) =>
      finish(await follow(pollJobStates(this.#options, id, deadline), undefined, options), options),
    );
  }

  /** Yields each state of a submitted job as it arrives, the result last (the 0.2.x client's iterator). */
  async *subscribe(id: string, options: RunOptions = {}): AsyncGenerator<JobState, void> {
    const deadline = this.#start(options);
    try {
      yield* pollJobStates(this.#options, id, deadline);
    } finally {
      deadline.end();
    }
  }

  // Every attempt of one submit carries the same key, so a retried (or held) submit is charged once.
  #submit(payload: RunPayload, key: string, deadline: Deadline, holdMs: number): Promise<JobState> {
    const path = `/v2/submit${holdMs ? `?wait_ms=${holdMs}` : ''}`;
    const init = { body: JSON.stringify(payload), headers: { 'idempotency-key': key } };
    return sendJobRequest(this.#options, 'submit', path, init, deadline);
  }

  #start(options: RunOptions): Deadline {
    return startDeadline(options.timeout ?? this.#options.timeout, options.signal);
  }

  async #within<T>(options: RunOptions, work: (deadline: Deadline) => Promise<T>): Promise<T> {
    const deadline = this.#start(options);
    try {
      return await work(deadline);
    } finally {
      deadline.end();
    }
  }
}

// Reports every update, the one submit answered with included, and returns the result.
async function follow(states: AsyncIterable<JobState>, first: JobUpdate | undefined, options: RunOptions): Promise<JobResult> {
  if (first) options.onProgress?.(first);
  for await (const state of states) {
    if (state.type === 'result') return state;
    options.onProgress?.(state);
  }
  // pollJobStates always ends with a result or a throw; this guards against a future change.
  throw new TypeError('The job poll ended without a result.');
}

// Drops the wire's `type`, and throws the failure instead when the caller asked for that.
function finish({ type: _, ...result }: JobResult, options: RunOptions): RunResult {
  if (result.error && options.throwOnError) throw OpenPixelsError.fromEnvelope(result.error);
  return result;
}
