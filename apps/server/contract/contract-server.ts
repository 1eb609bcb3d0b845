import type { RunningServer, StartServerOptions } from '../src/index.ts';
import { startTestServer } from '../src/testing/start-test-server.ts';

/** A real gateway for one test file: its own data dir (and, on the postgres project, its own database), port 0 on 127.0.0.1, and a way to tear it all down. */
export interface ContractServer {
  server: RunningServer;
  url: string;
  /** A fresh API key holding `credits`. */
  keyWith(credits: number): Promise<string>;
  close(): Promise<void>;
}

/**
 * Starts the gateway in-process as users self-host it; with no `providers`, only the offline
 * `local` one serves. The store is the test run's (startTestServer): SQLite, or PostgreSQL
 * in the `postgres` vitest project, so the SDK's contract holds on both.
 */
export async function startContractServer(
  options: Omit<StartServerOptions, 'port' | 'host' | 'dataDir'> = {},
): Promise<ContractServer> {
  const server = await startTestServer({ credits: 0, ...options });
  return {
    server,
    url: server.url,
    keyWith: async (credits) => (await server.createApiKey({ credits, name: 'contract' })).key,
    close: () => server.close(),
  };
}
