import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from './testing/start-server-process.ts';
import { SEMI_SPACE_MB, youngGenerationFlags } from './young-generation.ts';

const CAP = `--max-semi-space-size=${SEMI_SPACE_MB}`;

describe('youngGenerationFlags', () => {
  it('caps the young generation unless a cap was given, on the command line or in NODE_OPTIONS', () => {
    expect(youngGenerationFlags([], undefined)).toEqual([CAP]);
    expect(youngGenerationFlags(['--cpu-prof'], '--import x.mjs')).toEqual([CAP]);
    expect(youngGenerationFlags(['--max-semi-space-size=64'], undefined)).toEqual([]);
    expect(youngGenerationFlags(['--max_semi_space_size', '64'], undefined)).toEqual([]);
    expect(youngGenerationFlags([], '--import x.mjs --max-semi-space-size=32')).toEqual([]);
    // A flag that only starts the same is not the cap.
    expect(youngGenerationFlags(['--max-semi-space-sizes=1'], undefined)).toEqual([CAP]);
  });
});

// The process entry, as an operator starts it: the same pid serves, started again with the cap.
const dirs: string[] = [];
const processes: ServerProcess[] = [];
afterEach(() => {
  for (const p of processes.splice(0)) p.kill();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
async function commandLineOf(env: Record<string, string>): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'openpixels-young-'));
  dirs.push(dir);
  const server = await startServerProcess(dir, env);
  processes.push(server);
  expect((await fetch(`${server.url}/status`)).status).toBe(200);
  return readFileSync(`/proc/${server.child.pid}/cmdline`, 'utf8').split('\0');
}

describe('the process entry', () => {
  it('serves with the young generation capped by default', async () => {
    expect(await commandLineOf({})).toContain(CAP);
  });

  it('OPENPIXELS_MEMORY_SAVER=off leaves V8 its own sizing', async () => {
    expect(await commandLineOf({ OPENPIXELS_MEMORY_SAVER: 'off' })).not.toContain(CAP);
  });

  it('keeps a cap the operator gave in NODE_OPTIONS', async () => {
    expect(await commandLineOf({ NODE_OPTIONS: '--max-semi-space-size=32' })).not.toContain(CAP);
  });
});
