import { type ApiKeyRow, apiKeyFromRow } from '../api-key-from-row.ts';
import type { ApiKeyRecord, KeyLimits, KeyStore, NewApiKey } from '../store.ts';
import type { Sql } from './connect-postgres.ts';
import { moveCredits } from './postgres-ledger.ts';

/** API keys and their balances in the shared PostgreSQL database: every instance sees a change at once. */
export class PostgresKeyStore implements KeyStore {
  readonly #sql: Sql;

  constructor(sql: Sql) {
    this.#sql = sql;
  }

  async insert(key: NewApiKey): Promise<ApiKeyRecord> {
    return this.#sql.begin(async (tx) => {
      await tx`INSERT INTO api_keys (id, hash, prefix, name, balance, created_at)
        VALUES (${key.id}, ${key.hash}, ${key.prefix}, ${key.name}, 0, ${key.createdAt})`;
      if (key.credits > 0) {
        const move = {
          keyId: key.id,
          jobId: null,
          kind: 'grant',
          amount: key.credits,
          note: 'initial credits',
        } as const;
        await moveCredits(tx, { ...move, now: key.createdAt });
      }
      const [row] = await tx<ApiKeyRow[]>`SELECT * FROM api_keys WHERE id = ${key.id}`;
      return apiKeyFromRow(row as ApiKeyRow);
    });
  }

  async get(id: string): Promise<ApiKeyRecord | undefined> {
    const [row] = await this.#sql<ApiKeyRow[]>`SELECT * FROM api_keys WHERE id = ${id}`;
    return row && apiKeyFromRow(row);
  }

  async getByHash(hash: string): Promise<(ApiKeyRecord & { hash: string }) | undefined> {
    const [row] = await this.#sql<ApiKeyRow[]>`SELECT * FROM api_keys WHERE hash = ${hash}`;
    return row && { ...apiKeyFromRow(row), hash: row.hash };
  }

  async list(): Promise<ApiKeyRecord[]> {
    return (await this.#sql<ApiKeyRow[]>`SELECT * FROM api_keys ORDER BY created_at, id`).map(apiKeyFromRow);
  }

  async revoke(id: string, now: number): Promise<boolean> {
    // Revoked or already revoked: true either way, as long as the key exists.
    const [row] = await this.#sql<{ found: boolean }[]>`
      WITH revoked AS (UPDATE api_keys SET revoked_at = ${now} WHERE id = ${id} AND revoked_at IS NULL RETURNING id)
      SELECT EXISTS (SELECT 1 FROM revoked) OR EXISTS (SELECT 1 FROM api_keys WHERE id = ${id}) AS found`;
    return row?.found === true;
  }

  async setLimits(id: string, limits: KeyLimits): Promise<boolean> {
    const result = await this.#sql`UPDATE api_keys
      SET requests_per_minute = ${limits.requestsPerMinute}, images_per_minute = ${limits.imagesPerMinute}
      WHERE id = ${id}`;
    return result.count === 1;
  }

  async setProviderCredentials(id: string, sealed: string | null, reroute: boolean): Promise<boolean> {
    const result = await this.#sql`UPDATE api_keys SET provider_credentials = ${sealed}, byo_reroute = ${reroute}
      WHERE id = ${id}`;
    return result.count === 1;
  }
}
