import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';
// Brings the ProvidedContext augmentation along for workspaces that type-check this file without the setup (the docs).
import type {} from './postgres-global-setup.ts';

/** A database of its own in the run's throwaway cluster, so test files run in parallel without sharing rows. */
export interface TestDatabase {
  url: string;
  /** Drops the database, closing whatever connections are still open on it. */
  drop(): Promise<void>;
}

/** Creates an empty database in the cluster the vitest globalSetup started (postgres-global-setup.ts). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('postgresUrl');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    // FILE_COPY copies template0's few files; the WAL_LOG default writes them through the WAL, several times slower here.
    await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE template0 STRATEGY FILE_COPY`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await sql.end();
      }
    },
  };
}

const byDataDir = new Map<string, Promise<TestDatabase>>();

/**
 * The database that goes with a test's data dir: created on first use, the same one after, so
 * a test that restarts a server (or a server process) on its data dir finds its jobs again.
 */
export function testDatabaseFor(dataDir: string): Promise<TestDatabase> {
  let database = byDataDir.get(dataDir);
  if (!database) {
    database = createTestDatabase();
    byDataDir.set(dataDir, database);
  }
  return database;
}
