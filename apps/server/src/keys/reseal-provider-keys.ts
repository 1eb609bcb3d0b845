import type { KeyStore } from '../store/store.ts';
import type { ProviderKeyCipher } from './provider-key-cipher.ts';

/** What `keys reseal` did: keys sealed again, keys already under the current secret, keys neither secret opens. */
export interface ResealCounts {
  resealed: number;
  current: number;
  unreadable: number;
}

/**
 * Seals again, under the current secret, the provider credentials of every key that the
 * previous secret opens (the second half of a rotation); those the current one opens stay as
 * they are, and those neither opens are counted, untouched (their holders must store them
 * again). Never reads out a credential or a cipher's message.
 */
export async function resealProviderKeys(keys: KeyStore, cipher: ProviderKeyCipher): Promise<ResealCounts> {
  const counts: ResealCounts = { resealed: 0, current: 0, unreadable: 0 };
  for (const key of await keys.list()) {
    if (!key.providerCredentials) continue;
    let opened: ReturnType<ProviderKeyCipher['openTelling']>;
    try {
      opened = cipher.openTelling(key.id, key.providerCredentials);
    } catch {
      counts.unreadable++;
      continue;
    }
    if (!opened.underPrevious) {
      counts.current++;
      continue;
    }
    // Read again just before the write: a holder's PUT since the list wins (the window left is one round trip).
    const now = await keys.get(key.id);
    if (now?.providerCredentials !== key.providerCredentials) {
      counts.current++; // stored again meanwhile, which seals under the current secret
      continue;
    }
    await keys.setProviderCredentials(key.id, cipher.seal(key.id, opened.credentials), now.byoReroute);
    counts.resealed++;
  }
  return counts;
}
