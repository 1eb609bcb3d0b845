import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { AttemptRecord } from '../jobs/job-record.ts';
import { connectPostgres } from '../store/postgres/connect-postgres.ts';
import { DATABASE_FILE } from '../store/sqlite/open-database.ts';

/** What a multi-process test reads of one job row, engine aside. */
export interface JobRowSnapshot {
  id: string;
  prompt: string;
  status: string;
  /** The instance holding it (`host:pid:random`), or null. */
  owner: string | null;
  /** Whether the provider's job is stored, so a take-over resumes it. */
  hasUpstream: boolean;
  attempts: AttemptRecord[];
}

/** Reads every job row of a store other processes write, over one side connection of its own. */
export interface JobRowReader {
  rows(): Promise<JobRowSnapshot[]>;
  close(): Promise<void>;
}

// Plain SQL both engines run alike; the engines differ only in how a boolean and JSON arrive.
const ROWS = 'SELECT id, prompt, status, owner, upstream IS NOT NULL AS has_upstream, attempts FROM jobs';
type RawRow = {
  id: string;
  prompt: string;
  status: string;
  owner: string | null;
  has_upstream: unknown;
  attempts: unknown;
};
const toSnapshot = (row: RawRow): JobRowSnapshot => ({
  id: row.id,
  prompt: row.prompt,
  status: row.status,
  owner: row.owner,
  hasUpstream: Boolean(row.has_upstream),
  attempts: (typeof row.attempts === 'string' ? JSON.parse(row.attempts) : row.attempts) as AttemptRecord[],
});

/** A reader of the jobs in `databaseUrl` when set (PostgreSQL), else in the data dir's SQLite file (read-only). */
export function openJobRowReader(store: { dataDir: string; databaseUrl: string | null }): JobRowReader {
  if (store.databaseUrl !== null) {
    const sql = connectPostgres(store.databaseUrl, { max: 1 });
    return {
      rows: async () => ((await sql.unsafe(ROWS)) as unknown as RawRow[]).map(toSnapshot),
      close: () => sql.end(),
    };
  }
  const db = new DatabaseSync(join(store.dataDir, DATABASE_FILE), { readOnly: true });
  const statement = db.prepare(ROWS);
  return {
    rows: async () => (statement.all() as unknown as RawRow[]).map(toSnapshot),
    close: async () => db.close(),
  };
}

/** The pid in an instance name (`host:pid:random`, see server.ts), or null. */
export function ownerPid(owner: string | null): number | null {
  const pid = owner?.split(':').at(-2);
  return pid === undefined ? null : Number(pid);
}
