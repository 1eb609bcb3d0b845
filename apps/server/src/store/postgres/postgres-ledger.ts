import type postgres from 'postgres';
import type { CreditMove } from '../../credits/credit-ledger.ts';
import { type LedgerRow, ledgerEntryFromRow } from '../ledger-entry-from-row.ts';
import type { Ledger, LedgerEntry } from '../store.ts';
import type { Queryable, Sql } from './connect-postgres.ts';

/**
 * The only PostgreSQL code that changes a balance: moves it and writes the ledger line, in
 * one statement inside the caller's transaction. The schema backs it up: a balance cannot go
 * below 0 (CHECK), a job is reserved once and refunded at most once (unique indexes).
 * `alongside`, a data-modifying statement (a submit's job row), runs as part of the same
 * statement: one statement fewer per submit, which measured about 5% of the gateway's CPU per
 * image; it fails the move with it, and the move fails it. Returns the balance after the move,
 * or undefined when no such key exists.
 */
export async function moveCredits(
  sql: Queryable,
  move: CreditMove,
  alongside?: postgres.PendingQuery<postgres.Row[]>,
): Promise<number | undefined> {
  const also = alongside ? sql`alongside AS (${alongside}), ` : sql``;
  const [line] = await sql<{ balance_after: number }[]>`
    WITH ${also}moved AS (UPDATE api_keys SET balance = balance + ${move.amount} WHERE id = ${move.keyId} RETURNING balance)
    INSERT INTO ledger (key_id, job_id, kind, amount, balance_after, note, created_at)
      SELECT ${move.keyId}, ${move.jobId}, ${move.kind}, ${move.amount}, balance, ${move.note}, ${move.now} FROM moved
    RETURNING balance_after`;
  return line?.balance_after;
}

/** Grants and history in the shared PostgreSQL database. */
export class PostgresLedger implements Ledger {
  readonly #sql: Sql;

  constructor(sql: Sql) {
    this.#sql = sql;
  }

  async grant(keyId: string, amount: number, note: string): Promise<number | undefined> {
    // One statement: a missing key moves nothing and answers undefined.
    return moveCredits(this.#sql, { keyId, jobId: null, kind: 'grant', amount, note, now: Date.now() });
  }

  async history(keyId: string, limit: number): Promise<LedgerEntry[]> {
    const rows = await this.#sql<
      LedgerRow[]
    >`SELECT * FROM ledger WHERE key_id = ${keyId} ORDER BY id DESC LIMIT ${limit}`;
    return rows.map(ledgerEntryFromRow);
  }
}
