import type { Store } from '../store.ts';
import { openDatabase } from './open-database.ts';
import { SqliteJobStore } from './sqlite-job-store.ts';
import { SqliteKeyStore } from './sqlite-key-store.ts';
import { SqliteLedger } from './sqlite-ledger.ts';

/**
 * The Store on the data dir's SQLite file (one connection per process, see open-database.ts).
 * Finished jobs are announced in process, right after their commit.
 */
export function openSqliteStore(dataDir: string, options: { busyTimeoutMs?: number } = {}): Store {
  const db = openDatabase(dataDir, options);
  const listeners = new Set<(jobId: string) => void>();
  const jobs = new SqliteJobStore(db, (id) => {
    for (const listener of listeners) listener(id);
  });
  return {
    engine: 'sqlite',
    jobs,
    keys: new SqliteKeyStore(db),
    ledger: new SqliteLedger(db),
    onJobFinished(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await jobs.idle();
      listeners.clear();
      db.close();
    },
  };
}
