import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { ApiKeyRecord, KeyStore, NewApiKey } from '../store.ts';
import { immediateTransaction } from './immediate-transaction.ts';
import { moveCredits } from './sqlite-ledger.ts';
import { statementCache } from './statement-cache.ts';

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

/** API keys and their balances in the data dir's database. */
export class SqliteKeyStore implements KeyStore {
  readonly #db: DatabaseSync;
  readonly #sql: (sql: string) => StatementSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
    this.#sql = statementCache(db);
  }

  async insert(key: NewApiKey): Promise<ApiKeyRecord> {
    return immediateTransaction(this.#db, () => {
      this.#sql('INSERT INTO api_keys (id, hash, prefix, name, balance, created_at) VALUES (?, ?, ?, ?, 0, ?)').run(
        key.id,
        key.hash,
        key.prefix,
        key.name,
        key.createdAt,
      );
      if (key.credits > 0) {
        const move = {
          keyId: key.id,
          jobId: null,
          kind: 'grant',
          amount: key.credits,
          note: 'initial credits',
        } as const;
        moveCredits(this.#sql, { ...move, now: key.createdAt });
      }
      return toRecord(this.#sql('SELECT * FROM api_keys WHERE id = ?').get(key.id) as unknown as KeyRow);
    });
  }

  async get(id: string): Promise<ApiKeyRecord | undefined> {
    const row = this.#sql('SELECT * FROM api_keys WHERE id = ?').get(id) as KeyRow | undefined;
    return row && toRecord(row);
  }

  async getByHash(hash: string): Promise<(ApiKeyRecord & { hash: string }) | undefined> {
    const row = this.#sql('SELECT * FROM api_keys WHERE hash = ?').get(hash) as KeyRow | undefined;
    return row && { ...toRecord(row), hash: row.hash };
  }

  async list(): Promise<ApiKeyRecord[]> {
    return (this.#sql('SELECT * FROM api_keys ORDER BY created_at, id').all() as unknown as KeyRow[]).map(toRecord);
  }

  async revoke(id: string, now: number): Promise<boolean> {
    const result = this.#sql('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id);
    return result.changes === 1 || this.#sql('SELECT 1 FROM api_keys WHERE id = ?').get(id) !== undefined;
  }
}
