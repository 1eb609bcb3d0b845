import type { DatabaseSync } from 'node:sqlite';
import { immediateTransaction } from './immediate-transaction.ts';
import { statementCache } from './statement-cache.ts';
import { isStorageUnavailable } from '../storage-unavailable.ts';

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

interface Queued {
  write: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: the writes queued in one event-loop turn (submits, provider job ids,
 * completions, in any mix) share one BEGIN IMMEDIATE … COMMIT, each in its own savepoint, so
 * each sees the ones before it and an error undoes only its own work. Under load many jobs
 * are submitted, accepted upstream and finished per turn, and one commit for all of them
 * writes each shared page once instead of once per write (each commit appends every page it
 * touched to the WAL: one per kind of write, or one per job for the provider job ids, cost
 * more than all the SQL in them). Every promise settles after the COMMIT, so nothing is
 * answered before it is stored. A batch whose transaction fails as a whole for another reason
 * than the storage is retried one write at a time, so one bad write fails alone.
 */
export class GroupCommit {
  readonly #db: DatabaseSync;
  readonly #sql: ReturnType<typeof statementCache>;
  #queue: Queued[] = [];

  constructor(db: DatabaseSync) {
    this.#db = db;
    this.#sql = statementCache(db);
  }

  /** Queues `write` (run inside the shared transaction; it may throw to refuse its own work) for this turn's commit; settles with its result once committed. */
  push<O>(write: () => O): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.#queue.push({ write, resolve: resolve as (value: unknown) => void, reject });
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
    let outcomes: Outcome[] | undefined;
    const [only] = batch;
    if (batch.length === 1 && only) {
      // A batch of one (a quiet server: one client) needs no savepoint, two statements fewer:
      // rolling back the whole transaction undoes its own work alone.
      try {
        outcomes = [{ ok: true, value: immediateTransaction(this.#db, only.write) }];
      } catch (error) {
        outcomes = [{ ok: false, error }];
      }
    } else {
      try {
        outcomes = immediateTransaction(this.#db, () => batch.map(({ write }) => this.#inSavepoint(write)));
      } catch (error) {
        // Rolled back as a whole. A storage fault (full, read-only, locked) would fail each write
        // alike: all are told at once (their callers retry); anything else: below, one at a time.
        if (isStorageUnavailable(error)) outcomes = batch.map(() => ({ ok: false, error }));
      }
    }
    for (const [i, { write, resolve, reject }] of batch.entries()) {
      let outcome = outcomes?.[i];
      if (!outcome) {
        try {
          outcome = { ok: true, value: immediateTransaction(this.#db, write) };
        } catch (error) {
          outcome = { ok: false, error };
        }
      }
      if (outcome.ok) resolve(outcome.value);
      else reject(outcome.error);
    }
  }

  #inSavepoint(write: () => unknown): Outcome {
    this.#sql('SAVEPOINT group_commit').run();
    try {
      const value = write();
      this.#sql('RELEASE group_commit').run();
      return { ok: true, value };
    } catch (error) {
      this.#sql('ROLLBACK TO group_commit').run();
      this.#sql('RELEASE group_commit').run();
      return { ok: false, error };
    }
  }
}
