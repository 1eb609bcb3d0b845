import type { Store } from '../store/store.ts';
import { invalidArgument } from '../http/invalid-argument.ts';
import { assertCreditAmount } from './credit-ledger.ts';

/**
 * Adds credits to a key with the reason, through the ledger; answers the new balance. Throws
 * for a bad amount, a missing key, or a revoked one (no one could ever spend its credits).
 */
export async function grantCredits(
  store: Pick<Store, 'keys' | 'ledger'>,
  keyId: string,
  amount: number,
  note = 'credit',
): Promise<number> {
  assertCreditAmount(amount, { allowZero: false });
  const key = await store.keys.get(keyId);
  if (!key) throw invalidArgument('id', `No API key with id ${keyId}.`);
  if (key.revokedAt !== null) throw invalidArgument('id', `${keyId} is revoked, so credits given to it could never be spent.`);
  const balance = await store.ledger.grant(keyId, amount, note);
  if (balance === undefined) throw invalidArgument('id', `No API key with id ${keyId}.`);
  return balance;
}
