import type { DatabaseSync } from 'node:sqlite';
import { immediateTransaction } from './immediate-transaction.ts';

type Outcome<O> = { ok: true; value: O } | { ok: false; error: unknown };

/**
 * Group commit: the writes queued in one event-loop turn share one BEGIN IMMEDIATE … COMMIT,
 * each in its own savepoint, so each sees the ones before it and an error undoes only its
 * own work. Under load many jobs are submitted and finished per turn, and one commit for all
 * of them writes each shared page once instead of once per job. Every promise settles after
 * the COMMIT, so nothing is answered before it is stored. A batch whose transaction fails as
 * a whole (the disk, the lock) is retried one write at a time, so one bad write fails alone.
 */
export class GroupCommit<I, O> {
  readonly #db: DatabaseSync;
  readonly #write: (input: I) => O;
  #queue: Array<{ input: I; resolve: (value: O) => void; reject: (error: unknown) => void }> = [];

  /** `write` runs inside the shared transaction and may throw to refuse its own input. */
  constructor(db: DatabaseSync, write: (input: I) => O) {
    this.#db = db;
    this.#write = write;
  }

  /** Queues `input` for this turn's commit; settles with `write`'s result once committed. */
  push(input: I): Promise<O> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ input, resolve, reject });
      if (this.#queue.length === 1) setImmediate(() => this.#flush());
    });
  }

  /** True while writes wait for their commit. */
  get pending(): boolean {
    return this.#queue.length > 0;
  }

  #flush(): void {
    const batch = this.#queue;
    this.#queue = [];
    let outcomes: Outcome<O>[] | undefined;
    try {
      outcomes = immediateTransaction(this.#db, () => batch.map(({ input }) => this.#inSavepoint(input)));
    } catch {
      outcomes = undefined; // rolled back as a whole; below, each write gets a transaction of its own
    }
    for (const [i, { input, resolve, reject }] of batch.entries()) {
      let outcome = outcomes?.[i];
      if (!outcome) {
        try {
          outcome = { ok: true, value: immediateTransaction(this.#db, () => this.#write(input)) };
        } catch (error) {
          outcome = { ok: false, error };
        }
      }
      if (outcome.ok) resolve(outcome.value);
      else reject(outcome.error);
    }
  }

  #inSavepoint(input: I): Outcome<O> {
    this.#db.exec('SAVEPOINT group_commit');
    try {
      const value = this.#write(input);
      this.#db.exec('RELEASE group_commit');
      return { ok: true, value };
    } catch (error) {
      this.#db.exec('ROLLBACK TO group_commit');
      this.#db.exec('RELEASE group_commit');
      return { ok: false, error };
    }
  }
}
