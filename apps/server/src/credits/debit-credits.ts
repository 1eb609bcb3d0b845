import type { Store } from '../store/store.ts';
import { invalidArgument } from '../http/invalid-argument.ts';
import { assertCreditAmount } from './credit-ledger.ts';

/**
 * Takes credits away from a key (an operator's correction, a chargeback) with the reason, as a
 * negative grant in the ledger; answers the new balance. Refused, nothing moved, when the key
 * holds fewer than `amount`. A revoked key may be debited: that is how its leftover credits
 * move to its owner's new key.
 */
export async function debitCredits(
  store: Pick<Store, 'keys' | 'ledger'>,
  keyId: string,
  amount: number,
  note = 'debit',
): Promise<number> {
  assertCreditAmount(amount, { allowZero: false });
  const key = await store.keys.get(keyId);
  if (!key) throw invalidArgument('id', `No API key with id ${keyId}.`);
  if (key.balance < amount) {
    throw invalidArgument('amount', `${keyId} holds ${key.balance} credits, so taking ${amount} would leave it below 0.`);
  }
  // A submit may reserve between the read and the move: the schema's balance >= 0 then
  // rejects the move as a whole, so the balance still never goes below 0.
  const balance = await store.ledger.grant(keyId, -amount, note);
  if (balance === undefined) throw invalidArgument('id', `No API key with id ${keyId}.`);
  return balance;
}
