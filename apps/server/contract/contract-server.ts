import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningServer, type StartServerOptions, startServer } from '../src/index.ts';

/** A real gateway for one test file: its own SQLite dir, port 0 on 127.0.0.1, and a way to tear it all down. */
export interface ContractServer {
  server: RunningServer;
  url: string;
  /** A fresh API key holding `credits`. */
  keyWith(credits: number): Promise<string>;
  close(): Promise<void>;
}

/** Starts the gateway in-process as users self-host it; with no `providers`, only the offline `local` one serves. */
export async function startContractServer(options: Omit<StartServerOptions, 'port' | 'host' | 'dataDir'> = {}): Promise<ContractServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'openpixels-contract-'));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    logLevel: 'silent',
    // Short provider poll and retry pauses, and a bounded shutdown, so a file ends in seconds.
    shutdownTimeoutMs: 2_000,
    providerPollIntervalMs: 10,
    retryBackoffMs: 5,
    ...options,
  });
  return {
    server,
    url: server.url,
    keyWith: async (credits) => (await server.createApiKey({ credits, name: 'contract' })).key,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
