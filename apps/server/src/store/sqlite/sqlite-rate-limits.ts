import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { RateLimitKind, RateLimitStore } from '../store.ts';
import { statementCache } from './statement-cache.ts';

/** Rate-limit counters in the data dir's database: one statement per take, atomic under SQLite's write lock. */
export class SqliteRateLimits implements RateLimitStore {
  readonly #sql: (sql: string) => StatementSync;

  constructor(db: DatabaseSync) {
    this.#sql = statementCache(db);
  }

  async take(keyId: string, kind: RateLimitKind, windowStart: number, amount: number, limit: number): Promise<boolean> {
    // The upsert's WHERE refuses the update that would pass the limit: no row comes back then.
    const row = this.#sql(
      `INSERT INTO rate_windows (key_id, kind, window_start, count) VALUES (?, ?, ?, ?)
       ON CONFLICT (key_id, kind, window_start) DO UPDATE SET count = count + excluded.count
       WHERE count + excluded.count <= ?
       RETURNING count`,
    ).get(keyId, kind, windowStart, amount, limit);
    return row !== undefined;
  }

  async giveBack(keyId: string, kind: RateLimitKind, windowStart: number, amount: number): Promise<void> {
    this.#sql(
      'UPDATE rate_windows SET count = count - ? WHERE key_id = ? AND kind = ? AND window_start = ? AND count >= ?',
    ).run(amount, keyId, kind, windowStart, amount);
  }

  async purge(before: number): Promise<number> {
    return Number(this.#sql('DELETE FROM rate_windows WHERE window_start < ?').run(before).changes);
  }
}
