import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { type ApiKeyRow, apiKeyFromRow } from '../api-key-from-row.ts';
import type { ApiKeyRecord, KeyLimits, KeyStore, NewApiKey } from '../store.ts';
import { immediateTransaction } from './immediate-transaction.ts';
import { moveCredits } from './sqlite-ledger.ts';
import { statementCache } from './statement-cache.ts';

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
      return apiKeyFromRow(this.#sql('SELECT * FROM api_keys WHERE id = ?').get(key.id) as unknown as ApiKeyRow);
    });
  }

  async get(id: string): Promise<ApiKeyRecord | undefined> {
    const row = this.#sql('SELECT * FROM api_keys WHERE id = ?').get(id) as ApiKeyRow | undefined;
    return row && apiKeyFromRow(row);
  }

  async getByHash(hash: string): Promise<(ApiKeyRecord & { hash: string }) | undefined> {
    const row = this.#sql('SELECT * FROM api_keys WHERE hash = ?').get(hash) as ApiKeyRow | undefined;
    return row && { ...apiKeyFromRow(row), hash: row.hash };
  }

  async list(): Promise<ApiKeyRecord[]> {
    return (this.#sql('SELECT * FROM api_keys ORDER BY created_at, id').all() as unknown as ApiKeyRow[]).map(
      apiKeyFromRow,
    );
  }

  async revoke(id: string, now: number): Promise<boolean> {
    const result = this.#sql('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id);
    return result.changes === 1 || this.#sql('SELECT 1 FROM api_keys WHERE id = ?').get(id) !== undefined;
  }

  async setLimits(id: string, limits: KeyLimits): Promise<boolean> {
    const result = this.#sql('UPDATE api_keys SET requests_per_minute = ?, images_per_minute = ? WHERE id = ?').run(
      limits.requestsPerMinute,
      limits.imagesPerMinute,
      id,
    );
    return result.changes === 1;
  }

  async setProviderCredentials(id: string, sealed: string | null, reroute: boolean): Promise<boolean> {
    const update = this.#sql('UPDATE api_keys SET provider_credentials = ?, byo_reroute = ? WHERE id = ?');
    return update.run(sealed, reroute ? 1 : 0, id).changes === 1;
  }
}
