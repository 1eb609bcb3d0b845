import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_ENV } from './bench-env.ts';
import { spawnAndRead } from './spawn-and-read.ts';

/** A gateway a bench started in its own process. */
export interface GatewayProcess {
  url: string;
  pid: number;
  /** Its fresh data dir (the SQLite store, unless `env` names a database). */
  dataDir: string;
}

/**
 * Starts the gateway (`src/main.ts`) in its own process on a free port, with a fresh data dir
 * (kept in `dirs` for the caller to remove), warnings-only logs, no demo key and no active-job
 * limit worth the name, plus BENCH_ENV; `env` adds to or overrides that, `nodeArgs` go to node (`--cpu-prof`).
 */
export async function startGatewayProcess(
  children: ChildProcess[],
  dirs: string[],
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<GatewayProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'openpixels-bench-'));
  dirs.push(dataDir);
  const match = await spawnAndRead(
    children,
    [...nodeArgs, fileURLToPath(new URL('../src/main.ts', import.meta.url))],
    {
      OPENPIXELS_PORT: '0',
      OPENPIXELS_DATA_DIR: dataDir,
      OPENPIXELS_LOG_LEVEL: 'warn',
      OPENPIXELS_DEMO_KEY: 'off',
      OPENPIXELS_MAX_ACTIVE_JOBS_PER_KEY: '100000',
      ...BENCH_ENV,
      ...env,
    },
    /listening on (http:\/\/\S+)/,
  );
  return { url: match[1] as string, pid: match.pid, dataDir };
}
