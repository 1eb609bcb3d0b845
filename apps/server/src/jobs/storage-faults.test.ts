import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../store/sqlite/open-database.ts';
import { holdWriteLock } from '../testing/hold-write-lock-process.ts';
import { issueKeyInDataDir } from '../testing/issue-key-in-data-dir.ts';
import { expectErrorEnvelope, expectErrorResponse } from '../testing/expect-error-envelope.ts';
import { expectLedgerConsistent } from '../testing/expect-ledger-consistent.ts';
import { type LoopExt4, mountLoopExt4 } from '../testing/loop-ext4.ts';
import { processClient } from '../testing/process-client.ts';
import { type StandInProvider, startStandInProvider } from '../testing/stand-in-provider.ts';
import {
  falStandInEnv,
  runServerProcessToExit,
  type ServerProcess,
  startServerProcess,
} from '../testing/start-server-process.ts';

// Storage faults against the real server process: a data dir on a tiny tmpfs that fills up
// while jobs run, and data dirs it cannot use at start. The process must stay up, answer
// SERVICE_UNAVAILABLE (never 500), charge nothing it did not store, and keep a delivered result.

const scratch = mkdtempSync(join(tmpdir(), 'openpixels-storage-'));
const mounts: string[] = [];
const processes: ServerProcess[] = [];
const standIns: StandInProvider[] = [];

/** Mounting a tmpfs needs root (CAP_SYS_ADMIN); elsewhere the tests that need one are skipped. */
function mountTmpfs(dir: string, size: string, readOnly = false): boolean {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}${readOnly ? ',ro' : ''}`, 'tmpfs', dir], {
      stdio: 'ignore',
    });
    mounts.push(dir);
    return true;
  } catch {
    return false;
  }
}
const canMount = mountTmpfs(join(scratch, 'probe'), '64k');

afterEach(async () => {
  for (const p of processes.splice(0)) p.kill();
  await Promise.all(processes.map((p) => p.exited));
  await Promise.all(standIns.splice(0).map((s) => s.close()));
});
afterAll(() => {
  for (const dir of mounts.splice(0).reverse()) {
    try {
      execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
    } catch {}
  }
  rmSync(scratch, { recursive: true, force: true });
});

async function createKey(dataDir: string, credits: number): Promise<string> {
  const { key } = await issueKeyInDataDir(dataDir, { credits, name: 'storage' });
  return key;
}

/** Writes zeros into `path` until the file system says it is full. */
function fillDisk(path: string): void {
  const fd = openSync(path, 'w');
  const block = Buffer.alloc(16 * 1024);
  try {
    for (;;) writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
}

describe.skipIf(!canMount)(
  'a data dir on a disk that fills up while the server runs (needs root to mount a tmpfs)',
  () => {
    it('answers SERVICE_UNAVAILABLE uncharged, stays up, keeps a delivered result until it can be written', async () => {
      const mount = join(scratch, 'full');
      expect(mountTmpfs(mount, '2m')).toBe(true);
      const dataDir = join(mount, 'data');
      const key = await createKey(dataDir, 100);
      const fal = await startStandInProvider({ protocol: 'fal' });
      standIns.push(fal);
      const server = await startServerProcess(dataDir, {
        ...falStandInEnv(fal),
        OPENPIXELS_LOG_LEVEL: 'info',
      });
      processes.push(server);
      const { headers, submit, poll } = processClient(server, key);

      const first = (await (await submit('before')).json()) as { id: string };
      expect((await poll(first.id, 5_000)).status).toBe('completed');

      // Two jobs in flight at the provider when the disk fills: one will succeed, one will fail
      // (pinned, so its one failed attempt ends it and it must be refunded).
      fal.hold(true);
      fal.setMode('job-error');
      const failing = (await (await submit('fails', { config: { routing: { whitelist: ['fal'] } } })).json()) as {
        id: string;
      };
      fal.setMode('ok');
      const running = (await (await submit('in flight')).json()) as { id: string; status: string };
      expect(running.status).toBe('processing');

      // Empty the WAL so the next commit must grow a file, then take every free block.
      const side = new DatabaseSync(join(dataDir, DATABASE_FILE));
      side.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      side.close();
      fillDisk(join(mount, 'filler'));

      const refused = await Promise.all(Array.from({ length: 5 }, (_, i) => submit(`full ${i}`)));
      for (const response of refused) {
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).toBe('2');
        const body = await expectErrorResponse(response, 'SERVICE_UNAVAILABLE');
        expect(JSON.stringify(body)).not.toMatch(/SQLITE|disk is full|at .*\.ts/);
      }

      // The provider delivers while the disk is still full: the result must not be thrown away.
      fal.hold(false);
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect((await poll(running.id)).status).toBe('processing');
      expect((await poll(failing.id)).status).toBe('processing');
      expect((await fetch(`${server.url}/status`)).status).toBe(200);
      expect(server.child.exitCode).toBeNull();
      const providers = (await (await fetch(`${server.url}/v2/providers`)).json()) as {
        providers: { id: string; circuit: { state: string; consecutive_failures: number } }[];
      };
      expect(JSON.stringify(providers)).toContain('"consecutive_failures":0');

      rmSync(join(mount, 'filler'));
      const result = await poll(running.id, 10_000);
      expect(result).toMatchObject({ status: 'completed', data: { url: expect.stringContaining(fal.url) } });
      const failed = await poll(failing.id, 10_000);
      expect(failed.status).toBe('failed');
      expectErrorEnvelope(failed.error, 'PROVIDER_JOB_ERROR');
      expect(server.child.exitCode).toBeNull();

      // Two jobs charged (3 each), one refunded, none of the five refused ones stored or charged.
      const accepted = await (await fetch(`${server.url}/v2/balance`, { headers })).json();
      expect(accepted).toMatchObject({ balance: 94 });
      const log = server.output();
      expect(log).toContain('storage unavailable');
      // The one attempt that failed is the provider's own job error, not the storage's fault.
      const attemptFailures = log.split('\n').filter((line) => line.includes('provider attempt failed'));
      expect(attemptFailures).toEqual([expect.stringContaining(failing.id)]);
      expect(attemptFailures[0]).toContain('PROVIDER_JOB_ERROR');
      expect(log).not.toMatch(/\n\s+at /);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect([...expectLedgerConsistent(dataDir).values()]).toEqual([94]);
    });

    it('a full disk at start stops with one line naming OPENPIXELS_DATA_DIR', async () => {
      const mount = join(scratch, 'full-at-start');
      expect(mountTmpfs(mount, '256k')).toBe(true);
      fillDisk(join(mount, 'filler'));
      const { code, stdout, stderr } = await runServerProcessToExit(join(mount, 'data'));
      expect(code).toBe(2);
      expect(stdout).toBe('');
      const lines = stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^openpixels: cannot start: the data dir .* cannot be used: it is .*OPENPIXELS_DATA_DIR/,
      );
    });

    it('a read-only data dir at start stops with one line naming OPENPIXELS_DATA_DIR', async () => {
      const mount = join(scratch, 'read-only');
      expect(mountTmpfs(mount, '256k', true)).toBe(true);
      const { code, stderr } = await runServerProcessToExit(join(mount, 'data'));
      expect(code).toBe(2);
      expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/read-only file system.*OPENPIXELS_DATA_DIR/)]);
    });

    it('an existing database made immutable stops the start with one line', async () => {
      const dataDir = join(scratch, 'immutable');
      await createKey(dataDir, 1);
      const file = join(dataDir, DATABASE_FILE);
      // Root ignores permission bits; the immutable flag stops root too (where the file system has it).
      try {
        execFileSync('chattr', ['+i', file, dataDir], { stdio: 'ignore' });
      } catch {
        return; // no chattr here: covered by the read-only mount above
      }
      try {
        const { code, stderr } = await runServerProcessToExit(dataDir);
        expect(code).toBe(2);
        expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/cannot be used.*OPENPIXELS_DATA_DIR/)]);
      } finally {
        execFileSync('chattr', ['-i', file, dataDir], { stdio: 'ignore' });
      }
    });
  },
);

describe('a data dir that cannot be used at start', () => {
  it('a file where the dir should be stops with one line naming OPENPIXELS_DATA_DIR, no stack', async () => {
    const file = join(scratch, 'a-file');
    writeFileSync(file, 'not a directory');
    const { code, stdout, stderr } = await runServerProcessToExit(file);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^openpixels: cannot start: the data dir .*a-file cannot be used: it is not a directory.*OPENPIXELS_DATA_DIR/,
      ),
    ]);
  });

  it('a write lock another process holds for a second at start is waited out, and the server serves', async () => {
    const dataDir = join(scratch, 'locked-briefly');
    const key = await createKey(dataDir, 5);
    const lock = await holdWriteLock(join(dataDir, DATABASE_FILE), 1_000);
    const server = await startServerProcess(dataDir, {});
    processes.push(server);
    await lock.released;
    const answer = await fetch(`${server.url}/v2/balance`, { headers: { authorization: `Key ${key}` } });
    expect(await answer.json()).toMatchObject({ balance: 5 });
  });

  it('a write lock held past the start-up wait stops the start with one line saying so, not blaming the dir', async () => {
    const dataDir = join(scratch, 'locked-long');
    await createKey(dataDir, 5);
    const lock = await holdWriteLock(join(dataDir, DATABASE_FILE), 8_000);
    const { code, stdout, stderr } = await runServerProcessToExit(dataDir);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^openpixels: cannot start: the data dir .* cannot be used: it is locked by another connection \(SQLITE_BUSY\) for over 5 s: another process holds its write lock .*Let it finish, then start again\.$/,
      ),
    ]);
    await lock.released;
  });
});

// A data dir made read-only under the running process. Linux refuses `mount -o remount,ro`
// while files are open for writing ("mount point is busy") and chattr +i does not touch open
// descriptors, so the file system is a real ext4 image on a loop device that ext4 itself turns
// read-only, as it does on a disk error (errors=remount-ro).
const ext4Images: LoopExt4[] = [];
const canMountExt4 = (() => {
  const probe = mountLoopExt4(join(scratch, 'probe.img'), join(scratch, 'ext4-probe'), 4);
  probe?.unmount();
  return probe !== undefined;
})();
afterAll(() => {
  for (const image of ext4Images.splice(0)) image.unmount();
});

function ext4(name: string): LoopExt4 {
  const image = mountLoopExt4(join(scratch, `${name}.img`), join(scratch, name));
  if (!image) throw new Error(`could not mount an ext4 image for ${name}`);
  ext4Images.push(image);
  return image;
}

describe.skipIf(!canMountExt4)(
  'a data dir whose file system turns read-only (needs root, a loop device and ext4 with trigger_fs_error)',
  () => {
    it('while jobs run: SERVICE_UNAVAILABLE uncharged, stays up; after a repair and a restart the delivered job completes, charged once', async () => {
      const image = ext4('turns-read-only');
      const dataDir = join(image.dir, 'data');
      const key = await createKey(dataDir, 100);
      const fal = await startStandInProvider({ protocol: 'fal' });
      standIns.push(fal);
      const env = { ...falStandInEnv(fal), OPENPIXELS_LOG_LEVEL: 'info', OPENPIXELS_LEASE_MS: '600' };
      const server = await startServerProcess(dataDir, env);
      processes.push(server);
      const { submit, poll } = processClient(server, key);

      const first = (await (await submit('before')).json()) as { id: string };
      expect((await poll(first.id, 5_000)).status).toBe('completed');
      fal.hold(true);
      const running = (await (await submit('in flight')).json()) as { id: string; status: string };
      expect(running.status).toBe('processing');
      // Once fal has been polled it has accepted the job, and its request id is stored.
      const polled = () => fal.calls.filter((c) => c.path.endsWith('/status')).length;
      for (let i = 0; i < 500 && polled() === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(polled()).toBeGreaterThan(0);

      // Commits reach the disk before the fault. WAL with synchronous=NORMAL does not fsync a
      // commit: what the kernel has not yet written back (up to ~30 s) is lost when ext4 aborts,
      // as in a power cut (atomically: the job and its charge together).
      execFileSync('sync', ['-f', image.dir]);
      image.turnReadOnly();
      expect(() => writeFileSync(join(image.dir, 'probe'), 'x')).toThrow(/EROFS/);

      const refused = await Promise.all(Array.from({ length: 5 }, (_, i) => submit(`read-only ${i}`)));
      for (const response of refused) {
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).toBe('2');
        const body = await expectErrorResponse(response, 'SERVICE_UNAVAILABLE');
        expect(JSON.stringify(body)).not.toMatch(/SQLITE|read-only|readonly|at .*\.ts/i);
      }

      // fal delivers while nothing can be written: the job stays the server's, unfinished, and
      // the failed writes count against no provider.
      fal.hold(false);
      const resultReads = () => fal.calls.filter((c) => c.method === 'GET' && /\/requests\/[^/]+$/.test(c.path)).length;
      for (let i = 0; i < 500 && resultReads() === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(resultReads()).toBeGreaterThan(0);
      expect((await poll(running.id)).status).toBe('processing');
      expect((await fetch(`${server.url}/status`)).status).toBe(200);
      expect(server.child.exitCode).toBeNull();
      const providers = await (await fetch(`${server.url}/v2/providers`)).text();
      expect(providers).toContain('"consecutive_failures":0');
      const log = server.output();
      expect(log).toContain('storage unavailable');
      expect(log).not.toContain('provider attempt failed');
      expect(log).not.toMatch(/\n\s+at /);

      // The operator's way out: stop it, repair the file system, start again. The job is taken
      // over and its result read from fal again, not submitted twice.
      server.kill();
      await server.exited;
      image.remount();
      const again = await startServerProcess(dataDir, env);
      processes.push(again);
      const result = await processClient(again, key).poll(running.id, 10_000);
      expect(result).toMatchObject({ status: 'completed', data: { url: expect.stringContaining(fal.url) } });
      expect(fal.submits).toHaveLength(2);
      again.child.kill('SIGTERM');
      expect(await again.exited).toBe(0);
      expect([...expectLedgerConsistent(dataDir).values()]).toEqual([94]);
    });

    it('at start, with its database on it: one line naming OPENPIXELS_DATA_DIR, no stack', async () => {
      const image = ext4('read-only-at-start');
      const dataDir = join(image.dir, 'data');
      await createKey(dataDir, 1);
      image.remount(true);
      const { code, stdout, stderr } = await runServerProcessToExit(dataDir);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toEqual([
        expect.stringMatching(
          /^openpixels: cannot start: the data dir .* cannot be used: .*read-only.*OPENPIXELS_DATA_DIR/,
        ),
      ]);
    });
  },
);
