import type { DatabaseSync } from 'node:sqlite';
import { immediateTransaction } from './immediate-transaction.ts';
import { statementCache } from './statement-cache.ts';
import { isStorageUnavailable } from '../storage-unavailable.ts';

type Outcome<O> = { ok: true; value: O } | { ok: false; error: unknown };

/**
 * Group commit: the writes queued in one event-loop turn share one BEGIN IMMEDIATE … COMMIT,
 * each in its own savepoint, so each sees the ones before it and an error undoes only its
 * own work. Under load many jobs are submitted and finished per turn, and one commit for all
 * of them writes each shared page once instead of once per job. Every promise settles after
 * the COMMIT, so nothing is answered before it is stored. A batch whose transaction fails as
 * a whole for another reason than the storage is retried one write at a time, so one bad
 * write fails alone.
 */
export class GroupCommit<I, O> {
  readonly #db: DatabaseSync;
  readonly #write: (input: I) => O;
  readonly #sql: ReturnType<typeof statementCache>;
  #queue: Array<{ input: I; resolve: (value: O) => void; reject: (error: unknown) => void }> = [];

  /** `write` runs inside the shared transaction and may throw to refuse its own input. */
  constructor(db: DatabaseSync, write: (input: I) => O) {
    this.#db = db;
    this.#write = write;
    this.#sql = statementCache(db);
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
    } catch (error) {
      // Rolled back as a whole. A storage fault (full, read-only, locked) would fail each write
      // alike: all are told at once (their callers retry); anything else: below, one at a time.
      if (isStorageUnavailable(error)) outcomes = batch.map(() => ({ ok: false, error }));
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
    this.#sql('SAVEPOINT group_commit').run();
    try {
      const value = this.#write(input);
      this.#sql('RELEASE group_commit').run();
      return { ok: true, value };
    } catch (error) {
      this.#sql('ROLLBACK TO group_commit').run();
      this.#sql('RELEASE group_commit').run();
      return { ok: false, error };
    }
  }
}
