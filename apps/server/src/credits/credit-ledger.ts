import type { StatementSync } from 'node:sqlite';

/** Why a balance moved: an operator's grant (positive) or debit (negative), a job's price held, or given back. */
export type CreditMoveKind = 'grant' | 'reserve' | 'refund';

/** One money move: signed `amount` (grants and refunds add, reserves subtract). */
export interface CreditMove {
  keyId: string;
  jobId: string | null;
  kind: CreditMoveKind;
  amount: number;
  note: string | null;
  now: number;
}

/**
 * The only code that changes a balance: moves it and writes the ledger line that explains
 * it, inside the caller's transaction, so a balance always equals the sum of its ledger. The
 * schema backs it up: a balance cannot go below 0, and a job is reserved once and refunded at
 * most once (unique indexes). Returns the balance after the move.
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
