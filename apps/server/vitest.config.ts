import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * The test files the `postgres` project runs again with PostgreSQL as the store: every file
 * that starts a test server, unless it says it is SQLite-only by nature (a data dir fault,
 * another process's SQLite lock, the SQLite file opened directly) with the words "SQLite
 * only:" and the reason. Store-level files need no second run: store-behaviour.test.ts runs
 * every case on both engines itself. `contract/`'s files (the SDK against the real gateway) start
 * theirs through startContractServer, which is startTestServer underneath.
 */
function filesOnBothStores(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.test.ts')) {
        const text = readFileSync(path, 'utf8');
        const startsServer = /startTestServer\(|startErrorTriggers\(|startContractServer\(/.test(text);
        if (startsServer && !text.includes('SQLite only:')) files.push(path);
      }
    }
  };
  walk('src');
  walk('contract');
  return files.sort();
}

export default defineConfig({
  test: {
    // Every test file starts real servers on port 0 and real SQLite files, so files run in
    // parallel processes; two workers match the two cores CI has.
    pool: 'forks',
    maxWorkers: 2,
    // Bounds, not assertions: the machine is 2 cores shared by several full runs at once (load
    // averages of 20 to 25 seen), where a test that starts a few node processes can take 20 s.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          // `contract/` belongs to the SDK's engineer: their client-against-this-server tests run here.
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'contract/**/*.test.ts'],
          // One throwaway PostgreSQL for the run; each test file that needs it creates its own database.
          globalSetup: ['src/testing/postgres-global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: filesOnBothStores(),
          globalSetup: ['src/testing/postgres-global-setup.ts'],
          env: { OPENPIXELS_TEST_STORE: 'postgres' },
          // A hang guard, not a speed goal: each request here makes a few round trips to another
          // process, which a loaded 2-core machine stretches (the fuzz files need it).
          testTimeout: 40_000,
        },
      },
    ],
  },
});
