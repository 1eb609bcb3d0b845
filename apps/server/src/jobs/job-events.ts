import type { JobRecord } from './job-record.ts';

/** How a wait ended: false (its time ran out, or its client left), true (the job changed), or the finished job itself when the notify carried it. */
export type Woken = boolean | JobRecord;

/**
 * Wakes long polls when a job finishes. In memory; `notify` is called for every job the store
 * announces finished (this process's, and what the store hears of others': see
 * Store.onJobFinished). `watch` is told which jobs have waiters, from the first to the last,
 * so that a store that must look for other processes' finishes (SQLite) looks only then.
 */
export class JobEvents {
  readonly #waiters = new Map<string, Set<(job?: JobRecord) => void>>();
  readonly #unwatch = new Map<string, () => void>();
  readonly #watch: (id: string) => () => void;

  /** `watch(id)` starts looking out for the job's finish and answers how to stop (Store.watchJob). */
  constructor(watch: (id: string) => () => void = () => () => {}) {
    this.#watch = watch;
  }

  /**
   * Resolves when `notify(id)` is called, after `ms`, or when `signal` aborts, whichever is
   * first: with the job when the notify carried it, true when woken without it, false otherwise.
   */
  wait(id: string, ms: number, signal?: AbortSignal): Promise<Woken> {
    if (ms <= 0 || signal?.aborted) return Promise.resolve(false);
    return new Promise<Woken>((resolve) => {
      let waiters = this.#waiters.get(id);
      if (!waiters) {
        waiters = new Set<(job?: JobRecord) => void>();
        this.#waiters.set(id, waiters);
        this.#unwatch.set(id, this.#watch(id));
      }
      const mine = waiters;
      const finish = (woken: Woken) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', gaveUp);
        mine.delete(wake);
        if (mine.size === 0 && this.#waiters.get(id) === mine) {
          this.#waiters.delete(id);
          this.#unwatch.get(id)?.();
          this.#unwatch.delete(id);
        }
        resolve(woken);
      };
      const wake = (job?: JobRecord) => finish(job ?? true);
      const gaveUp = () => finish(false);
      const timer = setTimeout(gaveUp, ms);
      signal?.addEventListener('abort', gaveUp, { once: true });
      mine.add(wake);
    });
  }

  /** Wakes everyone waiting on this job, handing them `job` when the notifier has it as committed. */
  notify(id: string, job?: JobRecord): void {
    for (const done of [...(this.#waiters.get(id) ?? [])]) done(job);
  }

  /** Wakes every waiter (shutdown: each long poll answers with what it has). */
  releaseAll(): void {
    for (const id of [...this.#waiters.keys()]) this.notify(id);
  }

  /** How many long polls are waiting. */
  get waiting(): number {
    let count = 0;
    for (const waiters of this.#waiters.values()) count += waiters.size;
    return count;
  }
}
