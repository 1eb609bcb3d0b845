import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findApiKey } from './keys/find-api-key.ts';
import { openStore } from './store/open-store.ts';
import { processClient } from './testing/process-client.ts';
import { runServerProcessToExit, type ServerProcess, startServerProcess } from './testing/start-server-process.ts';

// Starts and stops as an operator supervises them: `pnpm start` signalled the way a terminal
// or a supervisor does, start-up refusals as one line each, and the demo key across restarts.
// Each test starts whole processes (pnpm, node) up to twice: on a loaded machine that alone can
// take many seconds, hence the longer timeout (it bounds the test, it asserts nothing).

const dirs: string[] = [];
const processes: ServerProcess[] = [];
const blockers: Server[] = [];
afterEach(async () => {
  for (const p of processes.splice(0)) p.kill();
  await Promise.all(blockers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'openpixels-start-'));
  dirs.push(dir);
  return dir;
}

/** True while something accepts connections at `url`. */
async function answers(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/status`, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

async function pnpmStart(env: Record<string, string> = {}): Promise<ServerProcess> {
  const server = await startServerProcess(
    dataDir(),
    { OPENPIXELS_LOG_LEVEL: 'info', ...env },
    {
      command: ['pnpm', 'start'],
      detached: true,
    },
  );
  processes.push(server);
  return server;
}

describe('pnpm start under signals', { timeout: 60_000 }, () => {
  it('SIGTERM to the pnpm process reaches the server: it drains, pnpm exits 0, nothing is left on the port', async () => {
    const server = await pnpmStart();
    expect(await answers(server.url)).toBe(true);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(await answers(server.url)).toBe(false);
    expect(server.output()).toContain('"signal":"SIGTERM"');
    expect(server.output()).not.toMatch(/ERR_PNPM|ELIFECYCLE|again/);
  });

  it("Ctrl-C (SIGINT to the whole process group, and pnpm's forwarded copy) is one clean stop, exit 0", async () => {
    const server = await pnpmStart();
    process.kill(-(server.child.pid as number), 'SIGINT');
    expect(await server.exited).toBe(0);
    expect(await answers(server.url)).toBe(false);
    expect(server.output().match(/shutdown requested/g)).toHaveLength(1);
    expect(server.output()).not.toMatch(/ERR_PNPM|ELIFECYCLE|again/);
  });

  it('the root start script hands its shell over to the server, so signals reach node directly', () => {
    const root = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const own = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(root.scripts.start).toMatch(/&& exec node apps\/server\/src\/main\.ts$/);
    expect(own.scripts.start).toBe('exec node src/main.ts');
  });
});

describe('start-up refusals: one line naming the setting, exit 2, no stack', { timeout: 60_000 }, () => {
  const expectOneLine = (result: { code: number | null; stdout: string; stderr: string }, pattern: RegExp) => {
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(pattern)]);
  };

  it('a port already in use names OPENPIXELS_PORT', async () => {
    const blocker = createServer();
    blockers.push(blocker);
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    expectOneLine(
      await runServerProcessToExit(dataDir(), { OPENPIXELS_PORT: String(port) }),
      new RegExp(`^openpixels: cannot start: 127\\.0\\.0\\.1:${port} is already in use.*OPENPIXELS_PORT`),
    );
  });

  it('a host name that does not resolve names OPENPIXELS_HOST', async () => {
    expectOneLine(
      await runServerProcessToExit(dataDir(), { OPENPIXELS_HOST: 'no-such-host.invalid' }),
      /^openpixels: cannot start: the host name no-such-host\.invalid does not resolve.*OPENPIXELS_HOST/,
    );
  });

  it('an address that is not this machine names OPENPIXELS_HOST', async () => {
    // 192.0.2.0/24 is reserved for documentation (RFC 5737): never an address of this machine.
    expectOneLine(
      await runServerProcessToExit(dataDir(), { OPENPIXELS_HOST: '192.0.2.1' }),
      /^openpixels: cannot start: 192\.0\.2\.1 is not an address of this machine.*OPENPIXELS_HOST/,
    );
  });
});

describe('the demo key', { timeout: 60_000 }, () => {
  it('is the same across restarts of one data dir, printed each time, and its jobs stay readable', async () => {
    const dir = dataDir();
    const env = { OPENPIXELS_DEMO_KEY: 'on', OPENPIXELS_DEMO_CREDITS: '10' };
    const keyIn = (output: string) => /Demo API key \((\d+) credits; ([^)]*)\): (sk-op-\S+)/.exec(output);

    const first = await startServerProcess(dir, env);
    processes.push(first);
    const shown = keyIn(first.output());
    expect(shown?.[1]).toBe('10');
    expect(shown?.[2]).toMatch(/^new/);
    const key = shown?.[3] as string;
    const submitted = await processClient(first, key).submit('kept', { width: 256, height: 256 });
    const { id } = (await submitted.json()) as { id: string };
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = await startServerProcess(dir, env);
    processes.push(second);
    const again = keyIn(second.output());
    expect(again?.[3]).toBe(key);
    expect(again?.[1]).toBe('7');
    expect(again?.[2]).toMatch(/same as on the last start/);
    expect(await processClient(second, key).poll(id, 5_000)).toMatchObject({ status: 'completed' });
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    const store = await openStore({ dataDir: dir });
    const demos = (await store.keys.list()).filter((k) => k.name === 'demo');
    await store.close();
    expect(demos).toHaveLength(1);
    expect(demos[0]?.revokedAt).toBeNull();
  });

  it('a demo key the operator revoked is replaced by a new one on the next start', async () => {
    const dir = dataDir();
    const env = { OPENPIXELS_DEMO_KEY: 'on' };
    const first = await startServerProcess(dir, env);
    processes.push(first);
    const key = /Demo API key .*: (sk-op-\S+)/.exec(first.output())?.[1] as string;
    first.child.kill('SIGTERM');
    await first.exited;
    const store = await openStore({ dataDir: dir });
    await store.keys.revoke((await findApiKey(store.keys, key))?.id as string, Date.now());
    await store.close();

    const second = await startServerProcess(dir, env);
    processes.push(second);
    const replaced = /Demo API key \(1000 credits; new[^)]*\): (sk-op-\S+)/.exec(second.output())?.[1];
    expect(replaced).toMatch(/^sk-op-/);
    expect(replaced).not.toBe(key);
  });
});
