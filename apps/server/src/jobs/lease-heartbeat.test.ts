import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { issueApiKey } from '../keys/issue-api-key.ts';
import { createFalProvider } from '../providers/fal-provider.ts';
import { ProviderHealth } from '../routing/provider-health.ts';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store.ts';
import type { JobStore, Store } from '../store/store.ts';
import { type StandInProvider, startStandInProvider } from '../testing/stand-in-provider.ts';
import { admissionRules } from './admission.ts';
import { JobRunner } from './job-runner.ts';

// The heartbeat against a job that starts while its renewal is on the way to the database:
// with PostgreSQL a submit commits on another pooled connection at the same moment, so the
// renewal's answer cannot list it. Found by sigkill-under-load.test.ts, where such jobs were
// stopped as "taken over" and then left owned, renewed, and run by no one. The renewal's
// answer is held back here by a gate, so the moment is made, not waited for.

const quiet = { info() {}, warn() {}, error() {}, debug() {} } as unknown as FastifyBaseLogger;
let fal: StandInProvider | undefined;
let store: Store | undefined;
let dir: string | undefined;
afterEach(async () => {
  await store?.close();
  await fal?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the lease heartbeat', () => {
  it('leaves alone a job that started while its renewal was under way; the job completes', async () => {
    fal = await startStandInProvider({ protocol: 'fal' });
    fal.hold(true);
    dir = mkdtempSync(join(tmpdir(), 'openpixels-heartbeat-'));
    store = openSqliteStore(dir);
    const real = store.jobs;
    let openGate: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      openGate = resolve;
    });
    let renewalSent: () => void = () => {};
    const sent = new Promise<void>((resolve) => {
      renewalSent = resolve;
    });
    const gatedRenewal = async (lease: Parameters<JobStore['renewLeases']>[0]) => {
      const held = await real.renewLeases(lease);
      renewalSent();
      await gate;
      return held;
    };
    // The real store in every other respect.
    const jobs = new Proxy(real, {
      get(target, name) {
        if (name === 'renewLeases') return gatedRenewal;
        const value = Reflect.get(target, name, target) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const runner = new JobRunner({
      store: jobs,
      providers: [createFalProvider({ id: 'fal', url: fal.url, key: fal.key, pollIntervalMs: 10 })],
      health: new ProviderHealth(['fal'], { failureThreshold: 5, cooldownMs: 30_000 }),
      logger: quiet,
      owner: 'instance-a',
      leaseMs: 60_000,
      attemptTimeoutMs: 10_000,
      maxAttempts: 1,
    });
    const { record } = await issueApiKey(store.keys, { credits: 10, name: 'heartbeat' });

    const beat = runner.renewLeases();
    await sent;
    // Stored and started after the renewal read the table, before its answer is back.
    const { job } = await jobs.create({
      keyId: record.id,
      model: 'flux-dev',
      prompt: 'started mid-heartbeat',
      width: 512,
      height: 512,
      routing: { strategy: 'best' },
      price: 3,
      deadlineMs: 60_000,
      rules: admissionRules({ maxActiveJobsPerKey: 10 }),
      startsNow: runner.lease(),
    });
    runner.start(job);
    openGate();
    await beat;
    expect(runner.isRunning(job.id), 'not stopped as if taken over').toBe(true);

    fal.hold(false);
    await expect.poll(async () => (await real.get(job.id))?.status, { timeout: 10_000 }).toBe('completed');
  });
});
