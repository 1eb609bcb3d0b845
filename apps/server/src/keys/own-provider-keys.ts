import { invalidArgument } from '../http/invalid-argument.ts';
import type { OwnCredentials } from '../jobs/job-runner.ts';
import { type LockWait, noLockWait } from '../store/retry-storage-write.ts';
import type { ApiKeyRecord, KeyStore } from '../store/store.ts';
import type { ProviderKeyCipher } from './provider-key-cipher.ts';

/** What a key holder may say about their own provider keys: a credential to keep, null to drop one, left out to keep it as it is. */
export interface OwnProviderKeysChange {
  fal?: string | null;
  replicate?: string | null;
  reroute?: boolean;
}

/** What is shown of them: whether each is set, never the credential. */
export interface OwnProviderKeysView {
  fal: boolean;
  replicate: boolean;
  reroute: boolean;
}

/**
 * Bring your own provider key: an API key's own fal and Replicate credentials, kept sealed in
 * the store (keys/provider-key-cipher.ts) and opened only to make a job's attempt. Off, with a
 * refusal that says so, when the server has no OPENPIXELS_SECRET_KEY (`cipher` null).
 */
export class OwnProviderKeys {
  readonly #keys: KeyStore;
  readonly #cipher: ProviderKeyCipher | null;
  readonly #waitOutLocks: LockWait;

  /** `waitOutLocks` runs the write of a change (the server waits out other processes' locks). */
  constructor(keys: KeyStore, cipher: ProviderKeyCipher | null, waitOutLocks: LockWait = noLockWait) {
    this.#keys = keys;
    this.#cipher = cipher;
    this.#waitOutLocks = waitOutLocks;
  }

  /** True when the server can keep provider keys (OPENPIXELS_SECRET_KEY is set). */
  get enabled(): boolean {
    return this.#cipher !== null;
  }

  /** What `key` holds, as shown to its holder: credentials this server cannot open show as not set (they must be stored again). */
  view(key: ApiKeyRecord): OwnProviderKeysView {
    this.#required();
    const held = this.read(key)?.credentials ?? {};
    return { fal: held.fal !== undefined, replicate: held.replicate !== undefined, reroute: key.byoReroute };
  }

  /** Applies `change` to `key`'s provider keys (sealed again as a whole); answers the new view. */
  async set(key: ApiKeyRecord, change: OwnProviderKeysChange): Promise<OwnProviderKeysView> {
    const cipher = this.#required();
    // Ones that can no longer be opened are replaced by what this change stores, not kept.
    const held = this.read(key)?.credentials ?? {};
    for (const kind of ['fal', 'replicate'] as const) {
      const value = change[kind];
      if (value === null) delete held[kind];
      else if (value !== undefined) held[kind] = value;
    }
    const reroute = change.reroute ?? key.byoReroute;
    const sealed = held.fal === undefined && held.replicate === undefined ? null : cipher.seal(key.id, held);
    await this.#waitOutLocks(() => this.#keys.setProviderCredentials(key.id, sealed, reroute));
    return { fal: held.fal !== undefined, replicate: held.replicate !== undefined, reroute };
  }

  /**
   * The opened credentials `key` holds, for its jobs; undefined when it holds none. Sealed ones
   * this server cannot open (OPENPIXELS_SECRET_KEY changed, or unset) come back as
   * `credentials: null`, without a word of why: the cipher's message is never passed on.
   */
  read(key: ApiKeyRecord): OwnCredentials | undefined {
    if (!key.providerCredentials) return undefined;
    if (!this.#cipher) return { credentials: null, reroute: key.byoReroute };
    try {
      return { credentials: this.#cipher.open(key.id, key.providerCredentials), reroute: key.byoReroute };
    } catch {
      return { credentials: null, reroute: key.byoReroute };
    }
  }

  /** `read` for the key `keyId` as stored now (a job taken over or resumed); undefined when it holds none. */
  async credentialsOf(keyId: string): Promise<OwnCredentials | undefined> {
    const key = await this.#keys.get(keyId);
    return key ? this.read(key) : undefined;
  }

  #required(): ProviderKeyCipher {
    if (this.#cipher) return this.#cipher;
    throw invalidArgument(
      '',
      "This gateway does not keep provider keys: its operator has not set OPENPIXELS_SECRET_KEY, so jobs use the platform's providers.",
    );
  }
}
