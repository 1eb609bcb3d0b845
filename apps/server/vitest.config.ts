import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // `contract/` belongs to the SDK's engineer: their client-against-this-server tests run here.
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'contract/**/*.test.ts'],
    // Every test file starts real servers on port 0 and real SQLite files, so files run in
    // parallel processes; two workers match the two cores CI has.
    pool: 'forks',
    // One throwaway PostgreSQL for the run; each test file that needs it creates its own database.
    globalSetup: ['src/testing/postgres-global-setup.ts'],
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 20_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
