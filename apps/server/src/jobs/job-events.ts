/**
 * Wakes long polls when a job changes. In memory: this process runs every job it accepted,
 * so it is also the only one that can see them finish.
 */
export class JobEvents {
  readonly #waiters = new Map<string, Set<() => void>>();

  /**
   * Resolves when `notify(id)` is called, after `ms`, or when `signal` aborts, whichever is
   * first: with true when woken by a notify (the job changed), false otherwise.
   */
  wait(id: string, ms: number, signal?: AbortSignal): Promise<boolean> {
    if (ms <= 0 || signal?.aborted) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      const waiters = this.#waiters.get(id) ?? new Set<() => void>();
      this.#waiters.set(id, waiters);
      const finish = (woken: boolean) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', gaveUp);
        waiters.delete(wake);
        if (waiters.size === 0 && this.#waiters.get(id) === waiters) this.#waiters.delete(id);
        resolve(woken);
      };
      const wake = () => finish(true);
      const gaveUp = () => finish(false);
      const timer = setTimeout(gaveUp, ms);
      signal?.addEventListener('abort', gaveUp, { once: true });
      waiters.add(wake);
    });
  }

  /** Wakes everyone waiting on this job. */
  notify(id: string): void {
    for (const done of [...(this.#waiters.get(id) ?? [])]) done();
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
