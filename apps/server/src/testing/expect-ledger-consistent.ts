import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect } from 'vitest';
import { DATABASE_FILE } from '../store/sqlite/open-database.ts';

/**
 * Reads a data dir's database (read-only) and asserts the money invariants: every balance is
 * the sum of its ledger and never below 0, every job was reserved exactly once and nothing
 * else was, and a job is refunded at most once, only when it failed, always when it failed.
 * Returns the key balances by key id.
 */
export function expectLedgerConsistent(dataDir: string): Map<string, number> {
  const db = new DatabaseSync(join(dataDir, DATABASE_FILE), { readOnly: true });
  try {
    const keys = db
      .prepare(
        `SELECT k.id, k.balance, COALESCE((SELECT SUM(amount) FROM ledger l WHERE l.key_id = k.id), 0) AS sum
           FROM api_keys k`,
      )
      .all() as { id: string; balance: number; sum: number }[];
    for (const key of keys) {
      expect(key.balance, `balance of ${key.id} = sum of its ledger`).toBe(key.sum);
      expect(key.balance).toBeGreaterThanOrEqual(0);
    }
    const jobs = db
      .prepare(
        `SELECT j.id, j.status, j.price,
                (SELECT COUNT(*) FROM ledger l WHERE l.job_id = j.id AND kind = 'reserve') AS reserves,
                (SELECT COUNT(*) FROM ledger l WHERE l.job_id = j.id AND kind = 'refund') AS refunds
           FROM jobs j`,
      )
      .all() as { id: string; status: string; price: number; reserves: number; refunds: number }[];
    for (const job of jobs) {
      expect(job.reserves, `reserves of ${job.id}`).toBe(1);
      expect(job.refunds, `refunds of ${job.id} (${job.status})`).toBe(
        job.status === 'failed' && job.price > 0 ? 1 : 0,
      );
    }
    const orphans = db
      .prepare(
        `SELECT COUNT(*) AS n FROM ledger l WHERE l.job_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.id = l.job_id)`,
      )
      .get() as { n: number };
    expect(orphans.n, 'ledger lines whose job was never stored').toBe(0);
    return new Map(keys.map((k) => [k.id, k.balance]));
  } finally {
    db.close();
  }
}
