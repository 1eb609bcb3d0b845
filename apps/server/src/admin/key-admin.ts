import { debitCredits } from '../credits/debit-credits.ts';
import { grantCredits } from '../credits/grant-credits.ts';
import { invalidArgument } from '../http/invalid-argument.ts';
import { findApiKey } from '../keys/find-api-key.ts';
import { issueApiKey } from '../keys/issue-api-key.ts';
import { revokeKey } from '../keys/revoke-key.ts';
import { type LockWait, noLockWait } from '../store/retry-storage-write.ts';
import type { ApiKeyRecord, KeyLimits, LedgerEntry, Store } from '../store/store.ts';

/**
 * The operator's operations on keys and credits, one implementation for the keys CLI and the
 * admin HTTP API: each refusal is the contract's INVALID_ARGUMENTS naming the field at fault
 * (`id` for a key that does not exist, `amount` for a move that cannot be made), which the CLI
 * prints as one line and the API answers as an envelope. `ref` is a key id, or (the CLI only,
 * where an operator pastes what they have) the key itself.
 */
export class KeyAdmin {
  readonly #store: Pick<Store, 'keys' | 'jobs' | 'ledger'>;
  readonly #waitOutLocks: LockWait;

  /** `waitOutLocks` runs each write (the server waits out other processes' locks; the CLI's busy timeout does). */
  constructor(store: Pick<Store, 'keys' | 'jobs' | 'ledger'>, waitOutLocks: LockWait = noLockWait) {
    this.#store = store;
    this.#waitOutLocks = waitOutLocks;
  }

  /** Creates a key holding `credits`; the key itself is in this answer only (the store keeps its hash). */
  create(options: { name?: string; credits?: number }): Promise<{ key: string; record: ApiKeyRecord }> {
    return this.#waitOutLocks(() => issueApiKey(this.#store.keys, options));
  }

  /** Every key, oldest first. */
  list(): Promise<ApiKeyRecord[]> {
    return this.#store.keys.list();
  }

  /** The key `ref` names, revoked ones included; INVALID_ARGUMENTS (`id`) when there is none. */
  async find(ref: string): Promise<ApiKeyRecord> {
    const record = await findApiKey(this.#store.keys, ref);
    if (!record) throw keyNotFound(ref);
    return record;
  }

  /** Adds `amount` credits with a note in the ledger (not to a revoked key); answers the new balance. */
  async credit(ref: string, amount: number, note: string): Promise<{ id: string; balance: number }> {
    const { id } = await this.find(ref);
    return { id, balance: await this.#waitOutLocks(() => grantCredits(this.#store, id, amount, note)) };
  }

  /** Takes `amount` credits away with a note (never below 0); answers the new balance. */
  async debit(ref: string, amount: number, note: string): Promise<{ id: string; balance: number }> {
    const { id } = await this.find(ref);
    return { id, balance: await this.#waitOutLocks(() => debitCredits(this.#store, id, amount, note)) };
  }

  /** A key's credit movements, newest first. */
  async ledger(ref: string, limit: number): Promise<{ id: string; entries: LedgerEntry[] }> {
    const { id } = await this.find(ref);
    return { id, entries: await this.#store.ledger.history(id, limit) };
  }

  /**
   * Sets a key's own rate limits (per minute; null follows the server's default, 0 is none); a
   * limit left out stays as it is. Every instance applies them from the key's next request.
   */
  async setLimits(ref: string, limits: Partial<KeyLimits>): Promise<ApiKeyRecord> {
    const record = await this.find(ref);
    for (const [name, value] of Object.entries(limits)) {
      if (value !== null && (!Number.isSafeInteger(value) || value < 0)) {
        throw invalidArgument(
          name,
          `must be a whole number of 0 or more, or null for the server's default; got ${value}.`,
        );
      }
    }
    const next = { ...record.limits, ...limits };
    if (!(await this.#waitOutLocks(() => this.#store.keys.setLimits(record.id, next)))) throw keyNotFound(ref);
    return { ...record, limits: next };
  }

  /** Revokes a key at once; its unfinished jobs are cancelled and refunded. */
  async revoke(ref: string): Promise<{ id: string; revoked: true; cancelled: string[] }> {
    const { id } = await this.find(ref);
    const { found, cancelled } = await revokeKey(this.#store, id, this.#waitOutLocks);
    if (!found) throw keyNotFound(ref);
    return { id, revoked: true, cancelled };
  }
}

/** A key `ref` that matches nothing; a pasted key is not repeated back. */
function keyNotFound(ref: string) {
  return invalidArgument('id', `No key matches ${ref.startsWith('sk-op-') ? 'that key' : ref}.`);
}
