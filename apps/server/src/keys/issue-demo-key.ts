import type { KeyStore } from '../store/store.ts';
import { issueApiKey } from './issue-api-key.ts';

/**
 * A fresh demo key holding `credits`, the previous ones revoked: keys are stored only as
 * hashes, so an old one could not be shown again. Answers the key.
 */
export async function issueDemoKey(keys: KeyStore, credits: number): Promise<string> {
  for (const record of await keys.list()) {
    if (record.name === 'demo' && record.revokedAt === null) await keys.revoke(record.id, Date.now());
  }
  return (await issueApiKey(keys, { credits, name: 'demo' })).key;
}
