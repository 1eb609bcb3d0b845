import type { Ledger } from '../store/store.ts';
import { assertCreditAmount } from './credit-ledger.ts';

/** Adds credits to a key with the reason, through the ledger; answers the new balance. Throws for a bad amount or a missing key. */
export async function grantCredits(ledger: Ledger, keyId: string, amount: number, note = 'credit'): Promise<number> {
  assertCreditAmount(amount, { allowZero: false });
  const balance = await ledger.grant(keyId, amount, note);
  if (balance === undefined) throw new Error(`No API key with id ${keyId}.`);
  return balance;
}
