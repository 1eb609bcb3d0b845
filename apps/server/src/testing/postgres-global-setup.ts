import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The throwaway cluster's maintenance database URL; test files create their own databases in it. */
    postgresUrl: string;
  }
}

/**
 * vitest globalSetup: one throwaway PostgreSQL for the whole run (about a second to start),
 * shared by every test file through a database of its own (see test-database.ts), and stopped
 * when the run ends, failed or not. An exit that skips the teardown still kills it by PID.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPostgresCluster();
  const killOnExit = () => {
    try {
      process.kill(cluster.pid, 'SIGKILL');
    } catch {}
  };
  process.once('exit', killOnExit);
  project.provide('postgresUrl', cluster.url());
  return async () => {
    process.off('exit', killOnExit);
    await cluster.stop();
  };
}
