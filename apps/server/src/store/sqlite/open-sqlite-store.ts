import { relayJobFinishes } from '../../cluster/relay-job-finishes.ts';
import type { JobRecord } from '../../jobs/job-record.ts';
import type { Store } from '../store.ts';
import { openDatabase } from './open-database.ts';
import { SqliteJobStore } from './sqlite-job-store.ts';
import { SqliteKeyStore } from './sqlite-key-store.ts';
import { SqliteLedger } from './sqlite-ledger.ts';
import { SqliteRateLimits } from './sqlite-rate-limits.ts';
import { watchOtherWriters } from './watch-other-writers.ts';

/**
 * The Store on the data dir's SQLite file (one connection per process, see open-database.ts).
 * Finished jobs are announced in process right after their commit, and to the other workers
 * of a cluster (cluster/relay-job-finishes.ts); those of any other process on the file are
 * seen while a poll waits for them (watch-other-writers.ts).
 */
export function openSqliteStore(dataDir: string, options: { busyTimeoutMs?: number } = {}): Store {
  const db = openDatabase(dataDir, options);
  const listeners = new Set<(jobId: string, job?: JobRecord) => void>();
  const emit = (id: string, job?: JobRecord) => {
    for (const listener of listeners) listener(id, job);
  };
  // Workers of one machine (OPENPIXELS_WORKERS) hear of each other's finishes through the primary.
  const relay = relayJobFinishes(emit);
  const others = watchOtherWriters(db, emit);
  const jobs = new SqliteJobStore(db, (id, job) => {
    emit(id, job);
    relay.finished(id);
  });
  return {
    engine: 'sqlite',
    jobs,
    keys: new SqliteKeyStore(db),
    ledger: new SqliteLedger(db),
    rateLimits: new SqliteRateLimits(db),
    onJobFinished(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    watchJob: (jobId) => others.watch(jobId),
    async close() {
      await jobs.idle();
      listeners.clear();
      relay.stop();
      others.stop();
      db.close();
    },
  };
}
