import type { ApiKeyRecord } from './store.ts';

/** An `api_keys` row, the same in both engines. */
export interface ApiKeyRow {
  id: string;
  hash: string;
  prefix: string;
  name: string;
  balance: number;
  created_at: number;
  revoked_at: number | null;
  requests_per_minute: number | null;
  images_per_minute: number | null;
  provider_credentials: string | null;
  /** SQLite's 0/1, PostgreSQL's boolean. */
  byo_reroute: number | boolean;
}

/** What a row says about its key, without the hash (it leaves the store only where a caller compares it). */
export function apiKeyFromRow(row: ApiKeyRow): ApiKeyRecord {
  return {
    id: row.id,
    prefix: row.prefix,
    name: row.name,
    balance: row.balance,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    limits: { requestsPerMinute: row.requests_per_minute, imagesPerMinute: row.images_per_minute },
    providerCredentials: row.provider_credentials,
    byoReroute: Boolean(row.byo_reroute),
  };
}
