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
   */
  run(payload: RunPayload, options: ThrowingRunOptions): Promise<RunSuccess>;
  run(payload: RunPayload, options?: RunOptions): Promise<RunResult>;
  async run(payload: RunPayload, options: RunOptions = {}): Promise<RunResult> {
    let submitted: string | undefined;
    try {
      return await this.#within(options, async (deadline) => {
        let state = await this.#submit(payload, options, deadline);
        if (state.type === 'update') {
          submitted = state.id;
          state = await follow(pollJobStates(this.#options, state.id, deadline), state, options);
        }
        return finish(state, options);
      });
    } catch (error) {
      // The caller gave up on the job, not just on waiting: stop it and get its credits back.
      if (submitted !== undefined && options.signal?.aborted && options.cancelOnAbort !== false) {
        await this.cancel(submitted, { timeout: Math.min(this.#options.requestTimeout, 10_000) }).catch(() => {});
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
      const state = await this.#submit(payload, options, deadline);
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

  #submit(payload: RunPayload, options: RunOptions, deadline: Deadline): Promise<JobState> {
    const headers = { 'idempotency-key': options.idempotencyKey ?? createIdempotencyKey() };
    return sendJobRequest(this.#options, 'submit', '/v2/submit', { body: JSON.stringify(payload), headers }, deadline);
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
