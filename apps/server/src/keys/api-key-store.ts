import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { moveCredits, type CreditMoveKind } from '../credits/credit-ledger.ts';
import { immediateTransaction } from '../db/immediate-transaction.ts';
import { statementCache } from '../db/statement-cache.ts';

/** What is known about a key; the key itself is shown once, at creation, and never stored. */
export interface ApiKeyRecord {
  id: string;
  prefix: string;
  name: string;
  balance: number;
  createdAt: number;
  revokedAt: number | null;
}

/** One line of a key's credit history. */
export interface LedgerEntry {
  id: number;
  jobId: string | null;
  kind: CreditMoveKind;
  amount: number;
  balanceAfter: number;
  note: string | null;
  createdAt: number;
}

const KEY_PREFIX = 'sk-op-';
const KEY_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
/** `sk-op-` and 40 base62 characters (≈238 bits), so a hash alone is a safe way to store it. */
const KEY_PATTERN = /^sk-op-[A-Za-z0-9]{32,128}$/;

/** The stored form of a key: its SHA-256. Keys are long and random, so no slow hash is needed. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** True when the text has the shape of an OpenPixels key (no database look-up). */
export function looksLikeApiKey(text: string): boolean {
  return KEY_PATTERN.test(text);
}

function generateApiKey(): string {
  // Rejection sampling keeps every character uniformly likely.
  let out = '';
  while (out.length < 40) {
    for (const byte of randomBytes(48)) {
      if (byte < 248 && out.length < 40) out += KEY_ALPHABET[byte % 62];
    }
  }
  return KEY_PREFIX + out;
}

function newKeyId(): string {
  return `key_${randomBytes(8).toString('hex')}`;
}

interface KeyRow {
  id: string;
  hash: string;
  prefix: string;
  name: string;
  balance: number;
  created_at: number;
  revoked_at: number | null;
}

function toRecord(row: KeyRow): ApiKeyRecord {
  return {
    id: row.id,
    prefix: row.prefix,
    name: row.name,
    balance: row.balance,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

/** API keys and their credit balances, in the data dir's database. */
export class ApiKeyStore {
  readonly #db: DatabaseSync;

  readonly #sql: (sql: string) => StatementSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
    this.#sql = statementCache(db);
  }

  /** Creates a key with an optional starting balance; returns the only copy of the key. */
  create(options: { name?: string; credits?: number } = {}): {
    key: string;
    record: ApiKeyRecord;
  } {
    const credits = options.credits ?? 0;
    assertCreditAmount(credits, { allowZero: true });
    const key = generateApiKey();
    const id = newKeyId();
    const now = Date.now();
    immediateTransaction(this.#db, () => {
      this.#sql('INSERT INTO api_keys (id, hash, prefix, name, balance, created_at) VALUES (?, ?, ?, ?, 0, ?)').run(
        id,
        hashApiKey(key),
        key.slice(0, KEY_PREFIX.length + 4),
        options.name ?? '',
        now,
      );
      if (credits > 0) this.#grant(id, credits, 'initial credits');
    });
    return { key, record: this.get(id) as ApiKeyRecord };
  }

  /** The active (not revoked) key matching this secret, or undefined. */
  authenticate(key: string): ApiKeyRecord | undefined {
    if (!looksLikeApiKey(key)) return undefined;
    const hash = hashApiKey(key);
    const row = this.#sql('SELECT * FROM api_keys WHERE hash = ?').get(hash) as KeyRow | undefined;
    // The index found the row by hash; compare again in constant time as a matter of habit.
    if (!row || !timingSafeEqual(Buffer.from(row.hash), Buffer.from(hash)) || row.revoked_at !== null) {
      return undefined;
    }
    return toRecord(row);
  }

  /** A key by id (revoked ones included). */
  get(id: string): ApiKeyRecord | undefined {
    const row = this.#sql('SELECT * FROM api_keys WHERE id = ?').get(id) as KeyRow | undefined;
    return row && toRecord(row);
  }

  /** Finds a key by id, or by the key itself (what an operator is likely to paste). */
  find(idOrKey: string): ApiKeyRecord | undefined {
    if (idOrKey.startsWith(KEY_PREFIX)) {
      const row = this.#sql('SELECT * FROM api_keys WHERE hash = ?').get(hashApiKey(idOrKey)) as KeyRow | undefined;
      return row && toRecord(row);
    }
    return this.get(idOrKey);
  }

  /** Every key, oldest first. */
  list(): ApiKeyRecord[] {
    return (this.#sql('SELECT * FROM api_keys ORDER BY created_at, id').all() as unknown as KeyRow[]).map(toRecord);
  }

  /** Revokes a key; it stops authenticating at once. Returns false when no such key exists. */
  revoke(id: string): boolean {
    const result = this.#sql('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(
      Date.now(),
      id,
    );
    return result.changes === 1 || this.get(id) !== undefined;
  }

  /** Adds credits to a key and records why; returns the new balance. A revoked key is refused: no one can spend them. */
  credit(id: string, amount: number, note = 'credit'): number {
    assertCreditAmount(amount, { allowZero: false });
    return immediateTransaction(this.#db, () => {
      const record = this.get(id);
      if (!record) throw new Error(`No API key with id ${id}.`);
      if (record.revokedAt !== null) throw new Error(`${id} is revoked, so credits given to it could never be spent.`);
      return this.#grant(id, amount, note);
    });
  }

  /**
   * Takes credits away from a key and records why (a ledger grant of a negative amount);
   * returns the new balance. Refused, nothing moved, when the key holds less than `amount`:
   * checked inside the write transaction, so a submit racing it cannot take the balance below 0.
   */
  debit(id: string, amount: number, note = 'debit'): number {
    assertCreditAmount(amount, { allowZero: false });
    return immediateTransaction(this.#db, () => {
      const record = this.get(id);
      if (!record) throw new Error(`No API key with id ${id}.`);
      if (record.balance < amount) {
        throw new RangeError(`${id} holds ${record.balance} credits, so taking ${amount} would leave it below 0.`);
      }
      return this.#grant(id, -amount, note);
    });
  }

  /** A key's credit history, newest first. */
  ledger(id: string, limit = 50): LedgerEntry[] {
    const rows = this.#sql('SELECT * FROM ledger WHERE key_id = ? ORDER BY id DESC LIMIT ?').all(
      id,
      limit,
    ) as unknown as Array<{
      id: number;
      job_id: string | null;
      kind: LedgerEntry['kind'];
      amount: number;
      balance_after: number;
      note: string | null;
      created_at: number;
    }>;
    return rows.map((r) => ({
      id: r.id,
      jobId: r.job_id,
      kind: r.kind,
      amount: r.amount,
      balanceAfter: r.balance_after,
      note: r.note,
      createdAt: r.created_at,
    }));
  }

  #grant(id: string, amount: number, note: string): number {
    return moveCredits(this.#sql, { keyId: id, jobId: null, kind: 'grant', amount, note, now: Date.now() });
  }
}

function assertCreditAmount(amount: number, { allowZero }: { allowZero: boolean }): void {
  if (!Number.isSafeInteger(amount) || amount < 0 || (!allowZero && amount === 0)) {
    throw new RangeError(`Credits must be a whole number ${allowZero ? 'of 0 or more' : 'above 0'}, got ${amount}.`);
  }
}
