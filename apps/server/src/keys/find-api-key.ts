import { timingSafeEqual } from 'node:crypto';
import type { ApiKeyRecord, KeyStore } from '../store/store.ts';
import { hashApiKey, KEY_PREFIX, looksLikeApiKey } from './api-key-secret.ts';

/** The active (not revoked) key matching this secret, or undefined. */
export async function authenticateApiKey(keys: KeyStore, key: string): Promise<ApiKeyRecord | undefined> {
  if (!looksLikeApiKey(key)) return undefined;
  const hash = hashApiKey(key);
  const found = await keys.getByHash(hash);
  // The index found the row by hash; compare again in constant time as a matter of habit.
  if (!found || !timingSafeEqual(Buffer.from(found.hash), Buffer.from(hash)) || found.revokedAt !== null) {
    return undefined;
  }
  const { hash: _stored, ...record } = found;
  return record;
}

/** Finds a key (revoked ones included) by id, or by the key itself (what an operator is likely to paste). */
export async function findApiKey(keys: KeyStore, idOrKey: string): Promise<ApiKeyRecord | undefined> {
  if (!idOrKey.startsWith(KEY_PREFIX)) return keys.get(idOrKey);
  const found = await keys.getByHash(hashApiKey(idOrKey));
  if (!found) return undefined;
  const { hash: _stored, ...record } = found;
  return record;
}
