import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { JobRecord } from '../../jobs/job-record.ts';
import type { Store } from '../store.ts';
import { connectPostgres, DEFAULT_POOL_SIZE } from './connect-postgres.ts';
import { DatabaseUnusableError } from './database-unusable-error.ts';
import { migratePostgres } from './migrate-postgres.ts';
import { JOB_FINISHED_CHANNEL, PostgresJobStore } from './postgres-job-store.ts';
import { PostgresKeyStore } from './postgres-key-store.ts';
import { PostgresLedger } from './postgres-ledger.ts';
import { PostgresRateLimits } from './postgres-rate-limits.ts';

/**
 * How long a long poll waits before its job is marked watched: longer than its first read
 * takes, so a poll answered by that read never writes; the most a cross-instance wake-up of a
 * job finished in that moment can lag is this plus the UPDATE.
 */
const WATCH_DELAY_MS = 10;

/** Options of `openPostgresStore`. */
export interface PostgresStoreOptions {
  /** Connections this instance keeps (10 by default). */
  poolSize?: number;
}

/**
 * The Store on a PostgreSQL database shared by any number of instances: connects, migrates
 * (once, whichever instances start together), and listens for finished jobs. A job this
 * instance finishes is announced here right after its commit; one another instance finishes
 * arrives through LISTEN/NOTIFY, a millisecond or so later, when this instance marked it
 * watched (watchJob: one of its long polls waits for it), and this instance's own
 * notifications are skipped so that no listener hears a job twice. Throws
 * DatabaseUnusableError when the database cannot be used at start.
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const sql = connectPostgres(url, { max: options.poolSize ?? DEFAULT_POOL_SIZE });
  const origin = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const listeners = new Set<(jobId: string, job?: JobRecord) => void>();
  const announce = (id: string, job?: JobRecord) => {
    for (const listener of listeners) listener(id, job);
  };
  try {
    await migratePostgres(sql);
    await sql.listen(JOB_FINISHED_CHANNEL, (payload) => {
      const space = payload.indexOf(' ');
      if (payload.slice(0, space) !== origin) announce(payload.slice(space + 1));
    });
  } catch (error) {
    await sql.end({ timeout: 0 });
    throw DatabaseUnusableError.from(error, url) ?? error;
  }
  const jobs = new PostgresJobStore(sql, origin, announce);
  return {
    engine: 'postgres',
    jobs,
    keys: new PostgresKeyStore(sql),
    ledger: new PostgresLedger(sql),
    rateLimits: new PostgresRateLimits(sql),
    onJobFinished(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    // A finish is NOTIFYed only for a job marked watched. The mark waits a moment, so that a
    // poll whose first read finds the job already finished (the usual case) costs no UPDATE.
    watchJob(jobId) {
      const timer = setTimeout(() => {
        jobs.watch(jobId).then(
          (marked) => {
            if (!marked) announce(jobId); // finished before the mark: the waiters read it now
          },
          () => announce(jobId), // the database is away: the waiters read again (and hear why)
        );
      }, WATCH_DELAY_MS);
      return () => clearTimeout(timer);
    },
    async close() {
      await jobs.idle();
      listeners.clear();
      await sql.end({ timeout: 5 });
    },
  };
}
