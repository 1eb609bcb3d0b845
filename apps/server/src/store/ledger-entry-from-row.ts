import type { LedgerEntry } from './store.ts';

/** A `ledger` row, the same in both engines. */
export interface LedgerRow {
  id: number;
  job_id: string | null;
  kind: LedgerEntry['kind'];
  amount: number;
  balance_after: number;
  note: string | null;
  created_at: number;
}

/** One line of a key's credit history as a row holds it. */
export function ledgerEntryFromRow(row: LedgerRow): LedgerEntry {
  return {
    id: row.id,
    jobId: row.job_id,
    kind: row.kind,
    amount: row.amount,
    balanceAfter: row.balance_after,
    note: row.note,
    createdAt: row.created_at,
  };
}
