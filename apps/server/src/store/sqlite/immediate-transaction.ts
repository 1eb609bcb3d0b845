import type { DatabaseSync } from 'node:sqlite';

/**
 * Runs `fn` inside BEGIN IMMEDIATE … COMMIT, rolling back if it throws. IMMEDIATE takes the
 * write lock up front, so two processes can never both read a balance and then both spend
 * it; the loser waits (busy_timeout) at BEGIN instead of failing mid-transaction.
 */
export function immediateTransaction<T>(db: DatabaseSync, fn: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    // A failed ROLLBACK (the disk went away) must not hide the error that caused it.
    try {
      if (db.isTransaction) db.exec('ROLLBACK');
    } catch {}
    throw error;
  }
}
