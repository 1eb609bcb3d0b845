import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect } from 'vitest';
import { NOT_CHARGED_NOTE_PREFIX } from '../keys/own-credential-providers.ts';
import { connectPostgres } from '../store/postgres/connect-postgres.ts';
import { DATABASE_FILE } from '../store/sqlite/open-database.ts';

// The prefix as an SQL string's content (a quote doubled).
const OWN_CREDENTIAL_NOTE = NOT_CHARGED_NOTE_PREFIX.replaceAll("'", "''");

// Plain SQL both engines run alike (sums cast, since PostgreSQL sums bigints as numeric).
const KEYS = `SELECT k.id, k.balance, CAST(COALESCE((SELECT SUM(amount) FROM ledger l WHERE l.key_id = k.id), 0) AS INTEGER) AS sum
  FROM api_keys k`;
const JOBS = `SELECT j.id, j.status, j.price,
    (SELECT COUNT(*) FROM ledger l WHERE l.job_id = j.id AND kind = 'reserve') AS reserves,
    CAST(COALESCE((SELECT SUM(amount) FROM ledger l WHERE l.job_id = j.id AND kind = 'reserve'), 0) AS INTEGER) AS reserved,
    (SELECT COUNT(*) FROM ledger l WHERE l.job_id = j.id AND kind = 'refund') AS refunds,
    (SELECT COUNT(*) FROM ledger l WHERE l.job_id = j.id AND kind = 'refund' AND note LIKE '${OWN_CREDENTIAL_NOTE}%') AS own_refunds
  FROM jobs j`;
const ORPHANS = `SELECT COUNT(*) AS n FROM ledger l
  WHERE l.job_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.id = l.job_id)`;

type KeyRow = { id: string; balance: number; sum: number };
type JobRow = {
  id: string;
  status: string;
  price: number;
  reserved: number;
  reserves: number;
  refunds: number;
  own_refunds: number;
};

function expectInvariants(keys: KeyRow[], jobs: JobRow[], orphans: number): Map<string, number> {
  for (const key of keys) {
    expect(key.balance, `balance of ${key.id} = sum of its ledger`).toBe(key.sum);
    expect(key.balance).toBeGreaterThanOrEqual(0);
  }
  for (const job of jobs) {
    expect(job.reserves, `reserves of ${job.id}`).toBe(1);
    expect(job.reserved, `reserve of ${job.id} = minus its price`).toBe(0 - job.price);
    // A completion made with the key's own credential gives a paid reserve back, saying so.
    const unpaid = (job.status === 'failed' || job.status === 'cancelled') && job.price > 0;
    const ownMade = job.status === 'completed' && job.price > 0 && job.own_refunds === 1;
    expect(job.refunds, `refunds of ${job.id} (${job.status})`).toBe(unpaid || ownMade ? 1 : 0);
  }
  expect(orphans, 'ledger lines whose job was never stored').toBe(0);
  return new Map(keys.map((k) => [k.id, k.balance]));
}

/**
 * Reads a data dir's database (read-only) and asserts the money invariants: every balance is
 * the sum of its ledger and never below 0, every job was reserved exactly once (its price; a
 * job made only with its key's own credential reserves a single 0 line) and nothing else was,
 * and a job is refunded at most once: always when it failed or was cancelled after paying, or
 * when its key's own credential made it after it paid (the note says so), otherwise never.
 * Returns the key balances by key id.
 */
export function expectLedgerConsistent(dataDir: string): Map<string, number> {
  const db = new DatabaseSync(join(dataDir, DATABASE_FILE), { readOnly: true });
  try {
    const keys = db.prepare(KEYS).all() as KeyRow[];
    const jobs = db.prepare(JOBS).all() as JobRow[];
    const { n } = db.prepare(ORPHANS).get() as { n: number };
    return expectInvariants(keys, jobs, n);
  } finally {
    db.close();
  }
}

/** `expectLedgerConsistent` on whichever store a server uses: its PostgreSQL database, or its data dir's file. */
export async function expectStoreLedgerConsistent(server: {
  dataDir: string;
  config: { databaseUrl: string | null };
}): Promise<Map<string, number>> {
  if (server.config.databaseUrl === null) return expectLedgerConsistent(server.dataDir);
  const sql = connectPostgres(server.config.databaseUrl, { max: 1 });
  try {
    const keys = (await sql.unsafe(KEYS)) as unknown as KeyRow[];
    const jobs = (await sql.unsafe(JOBS)) as unknown as JobRow[];
    const [orphans] = (await sql.unsafe(ORPHANS)) as unknown as [{ n: number }];
    return expectInvariants(keys, jobs, orphans.n);
  } finally {
    await sql.end();
  }
}
