import { OpenPixelsError } from '@openpixels/errors';
import { createIdempotencyKey } from './create-idempotency-key.ts';
import { type Deadline, startDeadline } from './deadline.ts';
import type { JobResult, JobState, JobUpdate, RunResult, RunSuccess } from './job-state.ts';
import { pollJobStates } from './poll-job-states.ts';
import { type OpenPixelsOptions, type ResolvedOptions, resolveOptions } from './resolve-options.ts';
import type { RunOptions, ThrowingRunOptions } from './run-options.ts';
import type { RunPayload } from './run-payload.ts';
import { submitJob } from './submit-job.ts';

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
  run(payload: RunPayload, options: RunOptions = {}): Promise<RunResult> {
    return this.#within(options, async (deadline) => {
      let state = await submitJob(this.#options, payload, deadline, options.idempotencyKey ?? createIdempotencyKey());
      if (state.type === 'update') state = await follow(pollJobStates(this.#options, state.id, deadline), state, options);
      return finish(state, options);
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
      const state = await submitJob(this.#options, payload, deadline, options.idempotencyKey ?? createIdempotencyKey());
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
