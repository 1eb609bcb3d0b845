/** Why a balance moved: an operator's grant (positive) or debit (a negative grant), a job's price held, or given back. */
export type CreditMoveKind = 'grant' | 'reserve' | 'refund';

/**
 * One money move: signed `amount` (grants and refunds add, reserves subtract). Each store
 * implementation has exactly one function that applies it (SQLite: store/sqlite/sqlite-ledger.ts),
 * moving the balance and writing the ledger line that explains it in the caller's transaction,
 * so a balance always equals the sum of its ledger.
 */
export interface CreditMove {
  keyId: string;
  jobId: string | null;
  kind: CreditMoveKind;
  amount: number;
  note: string | null;
  now: number;
}

/** Throws a RangeError unless `amount` is a whole number of credits (above 0 unless `allowZero`): checked before any store sees it. */
export function assertCreditAmount(amount: number, { allowZero }: { allowZero: boolean }): void {
  if (!Number.isSafeInteger(amount) || amount < 0 || (!allowZero && amount === 0)) {
    throw new RangeError(`Credits must be a whole number ${allowZero ? 'of 0 or more' : 'above 0'}, got ${amount}.`);
  }
}

