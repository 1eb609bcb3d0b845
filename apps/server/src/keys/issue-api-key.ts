import { randomBytes } from 'node:crypto';
import { assertCreditAmount } from '../credits/credit-ledger.ts';
import type { ApiKeyRecord, KeyStore } from '../store/store.ts';
import { generateApiKey, hashApiKey, KEY_PREFIX } from './api-key-secret.ts';

/** Creates a key with an optional starting balance; answers the only copy of the key (the store keeps its hash). */
export async function issueApiKey(
  keys: KeyStore,
  options: { name?: string; credits?: number } = {},
): Promise<{ key: string; record: ApiKeyRecord }> {
  const credits = options.credits ?? 0;
  assertCreditAmount(credits, { allowZero: true });
  const key = generateApiKey();
  const record = await keys.insert({
    id: `key_${randomBytes(8).toString('hex')}`,
    hash: hashApiKey(key),
    prefix: key.slice(0, KEY_PREFIX.length + 4),
    name: options.name ?? '',
    createdAt: Date.now(),
    credits,
  });
  return { key, record };
}
