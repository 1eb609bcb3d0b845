import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { CreditMove } from '../../credits/credit-ledger.ts';
import { type LedgerRow, ledgerEntryFromRow } from '../ledger-entry-from-row.ts';
import type { Ledger, LedgerEntry } from '../store.ts';
import { immediateTransaction } from './immediate-transaction.ts';
import { statementCache } from './statement-cache.ts';

/**
 * The only SQLite code that changes a balance: moves it and writes the ledger line, inside
 * the caller's transaction. The schema backs it up: a balance cannot go below 0, and a job is
 * reserved once and refunded at most once (unique indexes). Returns the balance after the move.
 */
export function moveCredits(sql: (text: string) => StatementSync, move: CreditMove): number {
  const { balance } = sql('UPDATE api_keys SET balance = balance + ? WHERE id = ? RETURNING balance').get(
    move.amount,
    move.keyId,
  ) as { balance: number };
  sql(
    'INSERT INTO ledger (key_id, job_id, kind, amount, balance_after, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(move.keyId, move.jobId, move.kind, move.amount, balance, move.note, move.now);
  return balance;
}

/** Grants and history on the data dir's database. */
export class SqliteLedger implements Ledger {
  readonly #db: DatabaseSync;
  readonly #sql: (sql: string) => StatementSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
    this.#sql = statementCache(db);
  }

  async grant(keyId: string, amount: number, note: string): Promise<number | undefined> {
    return immediateTransaction(this.#db, () => {
      if (!this.#sql('SELECT 1 FROM api_keys WHERE id = ?').get(keyId)) return undefined;
      return moveCredits(this.#sql, { keyId, jobId: null, kind: 'grant', amount, note, now: Date.now() });
    });
  }

  async history(keyId: string, limit: number): Promise<LedgerEntry[]> {
    const rows = this.#sql('SELECT * FROM ledger WHERE key_id = ? ORDER BY id DESC LIMIT ?').all(
      keyId,
      limit,
    ) as unknown as LedgerRow[];
    return rows.map(ledgerEntryFromRow);
  }
}
