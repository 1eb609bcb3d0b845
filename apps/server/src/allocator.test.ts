import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseAllocator, findMimalloc } from './allocator.ts';
import { runServerProcessToExit, type ServerProcess, startServerProcess } from './testing/start-server-process.ts';

const LIB = '/usr/lib/x86_64-linux-gnu/libmimalloc.so.2';

describe('chooseAllocator', () => {
  it('auto loads mimalloc when it is there, and keeps the system allocator when it is not', () => {
    expect(chooseAllocator('auto', {}, LIB, true)).toEqual({ action: 'preload', preload: LIB });
    expect(chooseAllocator('auto', {}, null, true)).toMatchObject({ action: 'keep', allocator: /^system/ });
    expect(chooseAllocator('auto', {}, LIB, false)).toMatchObject({ action: 'keep', allocator: /^system/ });
  });

  it('keeps an LD_PRELOAD the operator set, and never loads mimalloc twice (the run after the exec)', () => {
    expect(chooseAllocator('auto', { LD_PRELOAD: '/opt/libjemalloc.so.2' }, LIB, true)).toEqual({
      action: 'keep',
      allocator: 'LD_PRELOAD=/opt/libjemalloc.so.2',
    });
    expect(chooseAllocator('auto', { LD_PRELOAD: LIB }, LIB, true)).toMatchObject({ action: 'keep' });
    expect(chooseAllocator('mimalloc', { LD_PRELOAD: LIB }, LIB, true)).toMatchObject({ action: 'keep' });
  });

  it('mimalloc adds it to another preload, and stops the start when it cannot be had', () => {
    expect(chooseAllocator('mimalloc', { LD_PRELOAD: '/opt/libx.so' }, LIB, true)).toEqual({
      action: 'preload',
      preload: `${LIB} /opt/libx.so`,
    });
    expect(chooseAllocator('mimalloc', {}, null, true)).toMatchObject({
      action: 'missing',
      why: /libmimalloc2\.0/,
    });
    expect(chooseAllocator('mimalloc', {}, LIB, false)).toMatchObject({ action: 'missing', why: /execve/ });
  });

  it('system never preloads', () => {
    expect(chooseAllocator('system', {}, LIB, true)).toEqual({ action: 'keep', allocator: 'system' });
  });
});

// The process entry, as an operator starts it: the same pid serves, with the allocator mapped in.
const mimalloc = findMimalloc();
const dirs: string[] = [];
const processes: ServerProcess[] = [];
afterEach(() => {
  for (const p of processes.splice(0)) p.kill();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'openpixels-allocator-'));
  dirs.push(dir);
  return dir;
};
const mapsOf = (pid: number) => readFileSync(`/proc/${pid}/maps`, 'utf8');

describe.skipIf(mimalloc === null)(
  'the process entry with libmimalloc installed (.ci/toolchain installs it)',
  () => {
    it('serves from the pid it was started as, with mimalloc loaded, and stops on SIGTERM', async () => {
      const server = await startServerProcess(dataDir(), {});
      processes.push(server);
      const pid = server.child.pid as number;
      expect(mapsOf(pid)).toContain('libmimalloc');
      expect((await fetch(`${server.url}/status`)).status).toBe(200);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    });

    it('OPENPIXELS_ALLOCATOR=system keeps glibc’s', async () => {
      const server = await startServerProcess(dataDir(), { OPENPIXELS_ALLOCATOR: 'system' });
      processes.push(server);
      expect(mapsOf(server.child.pid as number)).not.toContain('libmimalloc');
    });
  },
);

describe('OPENPIXELS_ALLOCATOR', () => {
  it('refuses a value it does not know, naming the choices', async () => {
    const { code, stderr } = await runServerProcessToExit(dataDir(), { OPENPIXELS_ALLOCATOR: 'tcmalloc' });
    expect(code).toBe(2);
    expect(stderr).toMatch(/OPENPIXELS_ALLOCATOR must be one of auto, mimalloc, system, got "tcmalloc"/);
  });
});
