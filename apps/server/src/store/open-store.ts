import { openPostgresStore } from './postgres/open-postgres-store.ts';
import { openSqliteStore } from './sqlite/open-sqlite-store.ts';
import type { Store } from './store.ts';

/** Where the store lives: a PostgreSQL database when `databaseUrl` is set, else the data dir's SQLite file. */
export interface StoreConfig {
  dataDir: string;
  /** `postgres://…` (OPENPIXELS_DATABASE_URL): the database many instances share. */
  databaseUrl?: string | null;
  /** How long one SQLite call may block waiting for another process's write lock. */
  busyTimeoutMs?: number;
}

/**
 * Opens the store this configuration names and brings its schema up to date; throws (with a
 * message naming the problem) when it cannot be used, so a start stops there.
 */
export async function openStore(config: StoreConfig): Promise<Store> {
  if (config.databaseUrl) return openPostgresStore(config.databaseUrl);
  return openSqliteStore(
    config.dataDir,
    config.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: config.busyTimeoutMs },
  );
}
