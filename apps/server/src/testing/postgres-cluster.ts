import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The superuser every throwaway cluster is created with, whoever runs it. */
const SUPERUSER = 'postgres';

/** A PostgreSQL server of its own in a temp dir, listening on 127.0.0.1 only. */
export interface PostgresCluster {
  /** The temp dir holding the data, the socket and the log. */
  dir: string;
  port: number;
  /** The postmaster's PID (the fallback `stop` kills by). */
  pid: number;
  /** How long initdb and the start took, in ms. */
  startMs: number;
  /** A connection URL for `database` (the `postgres` maintenance database by default). */
  url(database?: string): string;
  /** Stops the server (`pg_ctl stop`, then SIGKILL by PID if that fails) and removes its dir. Safe to call twice. */
  stop(): Promise<void>;
}

/** The newest PostgreSQL under /usr/lib/postgresql (Debian's layout), or undefined when none is installed. */
export function findPostgresBinDir(root = '/usr/lib/postgresql'): string | undefined {
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

/**
 * initdb's into a fresh temp dir and starts the server on a free port with its socket in
 * that dir, waiting until it accepts connections. initdb and postgres refuse to run as root,
 * so as root they run as the `postgres` system user (Debian's package creates it) through
 * runuser, and the dir is handed to that user; anyone else runs them directly. Durability is
 * off (fsync, synchronous_commit): the cluster lives for one test run and is thrown away.
 */
export async function startPostgresCluster(options: { binDir?: string } = {}): Promise<PostgresCluster> {
  const binDir = options.binDir ?? findPostgresBinDir();
  if (!binDir) {
    throw new Error(
      "No PostgreSQL under /usr/lib/postgresql: run `bash .ci/toolchain` (it installs Debian's postgresql).",
    );
  }
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'openpixels-pg-'));
  const asRoot = process.getuid?.() === 0;
  const as = (bin: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', SUPERUSER, '--', join(binDir, bin), ...args]) : run(join(binDir, bin), args);
  const dataDir = join(dir, 'data');
  try {
    if (asRoot) {
      const { stdout } = await run('id', ['-u', SUPERUSER]);
      const uid = Number(stdout.trim());
      const { stdout: gid } = await run('id', ['-g', SUPERUSER]);
      chownSync(dir, uid, Number(gid.trim()));
    }
    await as('initdb', [
      '-D',
      dataDir,
      '-U',
      SUPERUSER,
      '--auth=trust',
      '--no-sync',
      '--no-instructions',
      '-E',
      'UTF8',
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${describe(error)}`);
  }

  // A free port can be taken between asking and binding: try a few.
  let lastError: unknown;
  for (let tries = 0; tries < 3; tries++) {
    const port = await freePort();
    const settings = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=300',
    ].join(' ');
    try {
      await as('pg_ctl', ['-D', dataDir, '-l', join(dir, 'server.log'), '-o', settings, '-w', '-t', '30', 'start']);
    } catch (error) {
      lastError = error;
      continue;
    }
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        try {
          await as('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', '-t', '10', 'stop']);
        } catch {
          killQuietly(pid);
        }
        // pg_ctl returns once the pid file is gone, a moment before the process itself.
        if (!(await exited(pid, 5_000))) killQuietly(pid);
        rmSync(dir, { recursive: true, force: true });
      })();
      return stopping;
    };
    return {
      dir,
      port,
      pid,
      startMs: performance.now() - started,
      url: (database = 'postgres') => `postgres://${SUPERUSER}@127.0.0.1:${port}/${database}`,
      stop,
    };
  }
  const log = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8').slice(-2_000) : '';
  rmSync(dir, { recursive: true, force: true });
  throw new Error(`PostgreSQL did not start: ${describe(lastError)}\n${log}`);
}

/** Waits up to `ms` for `pid` to be gone; false if it is still there. */
async function exited(pid: number, ms: number): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until; ) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {}
}

function describe(error: unknown): string {
  const { stderr, message } = error as { stderr?: string; message?: string };
  return (stderr || message || String(error)).trim();
}

/** A TCP port on 127.0.0.1 that nothing listens on right now (it can be taken before the caller binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
