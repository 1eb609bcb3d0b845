import type { JobRecord } from './job-record.ts';

/** How many of a model's latest finishes the hold is learned from. */
const SAMPLES = 32;
/** Fewer finishes than this say nothing yet: the hold stays at its minimum. */
const MIN_SAMPLES = 10;
/** The share of the latest jobs that must have finished within a hold for it to be used. */
const QUANTILE = 0.9;
/** Headroom over that quantile, so that a job about as slow as the slowest of them still makes it. */
const HEADROOM = 1.25;

/** One model's latest durations (ms), a ring, and the hold they give (recomputed when asked after a change). */
interface ModelDurations {
  durations: Float64Array;
  next: number;
  count: number;
  hold: number | undefined;
}

/**
 * How long a submit without `wait_ms` holds its answer for its job, learned per model from this
 * process's finishes: long enough for 9 in 10 of the model's latest jobs (with headroom) when
 * that fits within `maxMs`, else `minMs` (OPENPIXELS_SUBMIT_WAIT_MS). Why: a client whose job
 * finishes within the hold gets the result in its submit answer and sends no poll, which under
 * load halves the requests per image; a job that providers take seconds for is answered at once
 * as before, so its client learns the job's id without waiting on a hold that would not pay.
 */
export class SubmitHold {
  readonly #minMs: number;
  readonly #maxMs: number;
  readonly #models = new Map<string, ModelDurations>();

  /** `minMs` 0 never holds (the job's state at once, as OPENPIXELS_SUBMIT_WAIT_MS=0 promises); `maxMs` at or under `minMs` always holds `minMs`. */
  constructor(minMs: number, maxMs: number) {
    this.#minMs = minMs;
    this.#maxMs = maxMs;
  }

  /**
   * Learns from a job this process saw finish (its committed record, announced at `now`): how
   * long it took from submit until a hold waiting on it was woken. Why not `finishedAt`: that is
   * stamped before the finish is committed, and on PostgreSQL under load the commit's round trip
   * is a good part of what a hold must cover.
   */
  finished(job: JobRecord, now = Date.now()): void {
    if (job.finishedAt === null || this.#maxMs <= this.#minMs || this.#minMs === 0) return;
    let model = this.#models.get(job.model);
    if (!model) {
      model = { durations: new Float64Array(SAMPLES), next: 0, count: 0, hold: undefined };
      this.#models.set(job.model, model);
    }
    model.durations[model.next] = Math.max(0, now - job.createdAt);
    model.next = (model.next + 1) % SAMPLES;
    model.count = Math.min(SAMPLES, model.count + 1);
    model.hold = undefined;
  }

  /** How long to hold a new job of `model` for its finish, in ms. */
  ms(model: string): number {
    const learned = this.#models.get(model);
    if (!learned || learned.count < MIN_SAMPLES) return this.#minMs;
    learned.hold ??= this.#holdFor(learned);
    return learned.hold;
  }

  #holdFor(model: ModelDurations): number {
    const sorted = model.durations.slice(0, model.count).sort();
    const slow = sorted[Math.min(model.count - 1, Math.ceil(QUANTILE * model.count) - 1)] ?? Number.POSITIVE_INFINITY;
    if (slow > this.#maxMs) return this.#minMs;
    return Math.min(this.#maxMs, Math.max(this.#minMs, Math.ceil(slow * HEADROOM) + 1));
  }
}
