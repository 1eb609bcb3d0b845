import { openSqliteStore } from './sqlite/open-sqlite-store.ts';
import type { Store } from './store.ts';

/** Where the store lives: today the data dir's SQLite file. */
export interface StoreConfig {
  dataDir: string;
  /** How long one SQLite call may block waiting for another process's write lock. */
  busyTimeoutMs?: number;
}

/**
 * Opens the store this configuration names and brings its schema up to date; throws (with a
 * message naming the problem) when it cannot be used, so a start stops there.
 */
export async function openStore(config: StoreConfig): Promise<Store> {
  return openSqliteStore(
    config.dataDir,
    config.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: config.busyTimeoutMs },
  );
}
