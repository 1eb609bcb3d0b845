import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
const WORKSPACE = fileURLToPath(new URL('../..', import.meta.url));

/** `node src/main.ts` in its own process, as an operator runs it. */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code once it exits. */
  exited: Promise<number | null>;
  /** SIGKILL unless it already exited (its process group too, when detached), for afterEach/afterAll. */
  kill(): void;
}

/** How to launch the server: `node src/main.ts` unless `command` says otherwise (e.g. `pnpm start`). */
export interface ServerProcessLaunch {
  /** The program and its arguments, run in this workspace's directory. */
  command?: [string, ...string[]];
  /** Its own process group, so a test can signal the group as a terminal's Ctrl-C does. */
  detached?: boolean;
}

/** Starts the server process on port 0 with `env` over a quiet default, and resolves once it listens. */
export async function startServerProcess(
  dataDir: string,
  env: Record<string, string>,
  launch: ServerProcessLaunch = {},
): Promise<ServerProcess> {
  const [program, ...args] = launch.command ?? [process.execPath, MAIN];
  const child = spawn(program, args, {
    cwd: WORKSPACE,
    detached: launch.detached ?? false,
    env: {
      ...process.env,
      OPENPIXELS_PORT: '0',
      OPENPIXELS_DATA_DIR: dataDir,
      OPENPIXELS_DEMO_KEY: 'off',
      OPENPIXELS_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const kill = () => {
    // A detached launcher (pnpm) may have left the server behind it: its whole group goes.
    if (launch.detached && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  const url = await new Promise<string>((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1] as string);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  return { child, url, output: () => output, exited, kill };
}

/** The environment that points a server process at one stand-in fal provider, polled every 20 ms. */
export function falStandInEnv(standIn: { url: string; key: string }): Record<string, string> {
  return {
    OPENPIXELS_PROVIDERS: 'fal',
    OPENPIXELS_FAL_URL: standIn.url,
    OPENPIXELS_FAL_KEY: standIn.key,
    OPENPIXELS_PROVIDER_POLL_INTERVAL_MS: '20',
  };
}

/** Runs `node src/main.ts` expecting it to refuse to start; resolves with its exit code and output. */
export async function runServerProcessToExit(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, OPENPIXELS_PORT: '0', OPENPIXELS_DATA_DIR: dataDir, OPENPIXELS_DEMO_KEY: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  // Bounded: a server that starts after all is killed, and the test sees it did not exit by itself.
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  clearTimeout(timer);
  return { code, stdout, stderr };
}
