import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startListeningProcess } from './start-listening-process.ts';

/** A gateway started from a repository's server entry point, with the demo key it printed. */
export interface RunningGateway {
  url: string;
  demoKey: string;
  stop(): Promise<void>;
}

/**
 * Starts `apps/server/src/main.ts` of the repository at `root` the way `pnpm start` does, on a
 * free port of 127.0.0.1 with a temp data dir, and waits for the address and demo key it prints.
 * `stop` ends it by PID with SIGTERM (a graceful drain) and removes the data dir.
 */
export async function startGateway(root: string): Promise<RunningGateway> {
  const dataDir = mkdtempSync(join(tmpdir(), 'release-check-gateway-'));
  const env = { ...process.env, OPENPIXELS_PORT: '0', OPENPIXELS_DATA_DIR: dataDir, OPENPIXELS_LOG_LEVEL: 'silent' };
  try {
    const gateway = await startListeningProcess([join(root, 'apps/server/src/main.ts')], { cwd: join(root, 'apps/server'), env }, (output) => {
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      const demoKey = /(sk-op-[\w-]+)/.exec(output)?.[1];
      return url !== undefined && demoKey !== undefined ? { url, demoKey } : undefined;
    });
    const stop = async (): Promise<void> => {
      await gateway.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
    return { ...gateway.ready, stop };
  } catch (failure) {
    rmSync(dataDir, { recursive: true, force: true });
    throw failure;
  }
}
