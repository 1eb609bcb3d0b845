import type { RateLimitKind, RateLimitStore } from '../store.ts';
import type { Sql } from './connect-postgres.ts';

/** Rate-limit counters in the shared database: one statement per take, atomic on the counter's row. */
export class PostgresRateLimits implements RateLimitStore {
  readonly #sql: Sql;

  constructor(sql: Sql) {
    this.#sql = sql;
  }

  async take(keyId: string, kind: RateLimitKind, windowStart: number, amount: number, limit: number): Promise<boolean> {
    // Concurrent inserts of one new window serialise on the primary key; the loser's DO UPDATE
    // then sees the winner's row, so its WHERE counts both.
    const rows = await this.#sql`
      INSERT INTO rate_windows (key_id, kind, window_start, count) VALUES (${keyId}, ${kind}, ${windowStart}, ${amount})
      ON CONFLICT (key_id, kind, window_start) DO UPDATE SET count = rate_windows.count + EXCLUDED.count
      WHERE rate_windows.count + EXCLUDED.count <= ${limit}
      RETURNING count`;
    return rows.length === 1;
  }

  async giveBack(keyId: string, kind: RateLimitKind, windowStart: number, amount: number): Promise<void> {
    await this.#sql`UPDATE rate_windows SET count = count - ${amount}
      WHERE key_id = ${keyId} AND kind = ${kind} AND window_start = ${windowStart} AND count >= ${amount}`;
  }

  async purge(before: number): Promise<number> {
    return (await this.#sql`DELETE FROM rate_windows WHERE window_start < ${before}`).count;
  }
}
