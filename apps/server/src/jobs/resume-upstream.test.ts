import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type StandInProvider, startStandInProvider } from '../testing/stand-in-provider.ts';
import { startTestServer, type TestServer, waitForResult } from '../testing/start-test-server.ts';

// A provider bills each job it accepts: a job left running by a stopped server must be polled
// again by the next one, not submitted a second time (counted here at the stand-in).
const open: Array<{ close(): Promise<void> }> = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const item of open.splice(0).reverse()) await item.close().catch(() => {});
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const CANCELS = (p: StandInProvider) => p.calls.filter((c) => c.path.endsWith('/cancel'));

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(await check()).toBe(true);
}

describe.each(['fal', 'replicate'] as const)('a %s job left running by a stopped server', (protocol) => {
  it('is resumed by the next start from the stored provider job id, submitted once, charged once', async () => {
    const provider = await startStandInProvider({ protocol });
    open.push(provider);
    provider.hold(true);
    const dataDir = mkdtempSync(join(tmpdir(), 'openpixels-resume-'));
    dirs.push(dataDir);
    const options = {
      dataDir,
      providers: [{ id: protocol, kind: protocol, url: provider.url, key: provider.key }],
      shutdownTimeoutMs: 0,
      submitWaitMs: 0,
    };
    const first: TestServer = await startTestServer({ ...options, credits: 10 });
    const submitted = await first.call('/v2/submit', {
      json: { model: 'flux-dev', prompt: 'a harbour at night', width: 512, height: 512 },
    });
    expect(submitted.status).toBe(200);
    const { id } = (await submitted.json()) as { id: string };
    await until(async () => (await first.jobs.get(id))?.upstream !== null);
    const upstream = (await first.jobs.get(id))?.upstream;
    expect(upstream).toMatchObject({ provider: protocol, id: expect.any(String) });
    await first.close(); // shutdownTimeoutMs 0: the job is left running, as a crash would

    expect(CANCELS(provider)).toEqual([]); // left alive upstream for the next start
    provider.hold(false);
    const second = await startTestServer({ ...options, credits: 0 });
    open.push(second);
    const result = await waitForResult(second, id, first.key);
    expect(result).toMatchObject({ status: 'completed', meta: { provider: protocol } });
    expect(provider.submits).toHaveLength(1);
    expect((await second.jobs.get(id))?.upstream).toEqual(upstream);
    const key = await second.keyRecord(first.key);
    expect(key?.balance).toBe(10 - 3);
    expect((await second.store.ledger.history(key?.id ?? '', 1_000)).filter((e) => e.jobId === id).map((e) => e.kind)).toEqual(['reserve']);
  });
});
