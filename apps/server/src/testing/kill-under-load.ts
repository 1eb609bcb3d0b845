import { expect } from 'vitest';
import { isAlive } from './is-alive.ts';
import { type JobRowReader, type JobRowSnapshot, ownerPid } from './job-row-reader.ts';
import { keyHeaders } from './process-client.ts';
import type { StandInProvider } from './stand-in-provider.ts';

/** The processes under test, as killUnderLoad drives them. */
export interface KillRig {
  /** Where a client may send a request now: every instance, or a cluster's one port. */
  urls(): string[];
  /** The pid to SIGKILL in this round. */
  victim(round: number): number;
  /** Resolves once the killed process is replaced and serves (a supervisor's restart, or the primary's new worker). */
  replaced(round: number): Promise<void>;
  rows: JobRowReader;
  standIn: StandInProvider;
  /** A key with credits for every job the load submits. */
  key: string;
}

/** What happened, for expectKillsSurvived and for the figures a test prints. */
export interface KillReport {
  kills: number;
  /** Every job stored, as it ended. */
  rows: JobRowSnapshot[];
  /** Submits answered 200, by job id (a submit cut off by a kill may still have stored its job). */
  accepted: string[];
  /** Answers to submits other than 200 (status and code). */
  refused: string[];
  /** The killed processes' unfinished jobs at their death: with their provider job stored (to resume), and without. */
  resumable: string[];
  unresumable: string[];
  /** Upstream submits the provider stand-in received, by prompt. */
  upstreamSubmits: Map<string, number>;
  /** Every time a job changed hands from a process that was still alive. */
  stolen: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `clients` clients against the rig (each submits a flux-dev job with a prompt of its
 * own, then long-polls it to its end on any instance, and again) while `kills` processes are
 * SIGKILLed one after another, `betweenKillsMs` apart. Meanwhile every job row's owner is
 * sampled every 50 ms: a job may change hands only from a process that is dead. Then the load
 * stops and every stored job is waited for (at most 60 s).
 */
export async function killUnderLoad(
  rig: KillRig,
  options: { kills: number; clients: number; betweenKillsMs: number },
): Promise<KillReport> {
  const accepted: string[] = [];
  const refused: string[] = [];
  const resumable: string[] = [];
  const unresumable: string[] = [];
  const stolen: string[] = [];
  const killed = new Set<number>();
  const pick = () => {
    const urls = rig.urls();
    return urls[Math.floor(Math.random() * urls.length)] as string;
  };

  let loading = true;
  let submitted = 0;
  const client = async (c: number) => {
    while (loading) {
      const prompt = `under load ${c}.${submitted++}`;
      let id: string | undefined;
      try {
        const response = await fetch(`${pick()}/v2/submit`, {
          method: 'POST',
          headers: keyHeaders(rig.key),
          body: JSON.stringify({ model: 'flux-dev', prompt, width: 512, height: 512 }),
          signal: AbortSignal.timeout(10_000),
        });
        const body = (await response.json()) as { id?: string; code?: string };
        if (response.status === 200 && body.id) {
          id = body.id;
          accepted.push(id);
        } else {
          refused.push(`${response.status} ${body.code}`);
        }
      } catch {
        continue; // cut off by a kill (or refused by a dead instance's port): the rows say what was stored
      }
      // Until the load stops: then the rows say how every job ended.
      for (let poll = 0; id !== undefined && loading && poll < 200; poll++) {
        try {
          const response = await fetch(`${pick()}/v2/poll/${id}?wait_ms=1000`, {
            headers: keyHeaders(rig.key),
            signal: AbortSignal.timeout(10_000),
          });
          if (((await response.json()) as { type?: string }).type === 'result') break;
        } catch {
          await sleep(20);
        }
      }
    }
  };

  const owners = new Map<string, string | null>();
  const sample = async () => {
    for (const row of await rig.rows.rows()) {
      const before = owners.get(row.id);
      if (before && before !== row.owner && !killed.has(ownerPid(before) ?? -1)) {
        stolen.push(`${row.id}: ${before} → ${row.owner} while ${before} was alive`);
      }
      owners.set(row.id, row.owner);
    }
  };
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      await sample();
      await sleep(50);
    }
  })();

  const clients = Array.from({ length: options.clients }, (_, c) => client(c));
  try {
    for (let round = 0; round < options.kills; round++) {
      await sleep(options.betweenKillsMs);
      const pid = rig.victim(round);
      // Killed while it runs a job a provider has accepted (waited for, at most 5 s), so that
      // every kill has a job to resume, however the machine's load spreads the work.
      for (let i = 0; i < 250; i++) {
        const running = await rig.rows.rows();
        if (running.some((row) => ownerPid(row.owner) === pid && row.status === 'processing' && row.hasUpstream)) break;
        await sleep(20);
      }
      killed.add(pid);
      process.kill(pid, 'SIGKILL');
      for (let i = 0; i < 500 && isAlive(pid); i++) await sleep(10);
      expect(isAlive(pid), `process ${pid} is gone`).toBe(false);
      // Its rows as it left them (nothing of it writes any more), before anyone takes them over.
      for (const row of await rig.rows.rows()) {
        if (ownerPid(row.owner) !== pid || row.status === 'completed' || row.status === 'failed') continue;
        (row.hasUpstream ? resumable : unresumable).push(row.id);
      }
      await rig.replaced(round);
    }
    await sleep(options.betweenKillsMs);
  } catch (error) {
    // The sampler stops before the caller closes the reader it reads through.
    sampling = false;
    await sampler.catch(() => {});
    throw error;
  } finally {
    loading = false;
    await Promise.all(clients);
  }
  let rows = await rig.rows.rows();
  for (let i = 0; i < 600 && rows.some((row) => row.status === 'queued' || row.status === 'processing'); i++) {
    await sleep(100);
    rows = await rig.rows.rows();
  }
  sampling = false;
  await sampler;
  await sample();

  const upstreamSubmits = new Map<string, number>();
  for (const call of rig.standIn.calls) {
    if (call.method !== 'POST' || call.path.includes('/requests/')) continue;
    const prompt = (call.body as { prompt: string }).prompt;
    upstreamSubmits.set(prompt, (upstreamSubmits.get(prompt) ?? 0) + 1);
  }
  return { kills: options.kills, rows, accepted, refused, resumable, unresumable, upstreamSubmits, stolen };
}

/**
 * What a kill must never cost: every job accepted is stored and completed; no job changed
 * hands from a live process; a job the killed process had sent to the provider (its provider
 * job stored) was resumed: one upstream submit and one attempt; one it had not was taken over
 * with its lost attempt on record, and never submitted more often than its attempts say.
 * Answers the figures a test prints: upstream submits against jobs.
 */
export function expectKillsSurvived(report: KillReport): { jobs: number; upstreamSubmits: number; takenOver: number } {
  expect(report.stolen, 'jobs taken from a live process').toEqual([]);
  expect(report.refused, 'submits refused by a live instance').toEqual([]);
  const byId = new Map(report.rows.map((row) => [row.id, row]));
  for (const id of report.accepted) expect(byId.has(id), `accepted job ${id} is stored`).toBe(true);
  for (const row of report.rows) {
    expect(row.status, `${row.id} finished, completed`).toBe('completed');
    const submits = report.upstreamSubmits.get(row.prompt) ?? 0;
    expect(submits, `${row.id} submitted upstream at least once`).toBeGreaterThanOrEqual(1);
    expect(submits, `${row.id} submitted upstream no more often than its attempts`).toBeLessThanOrEqual(
      row.attempts.length,
    );
  }
  for (const id of report.resumable) {
    // Killed twice, the first time before a provider had it: its first attempt may have reached the provider.
    if (report.unresumable.includes(id)) continue;
    const row = byId.get(id) as JobRowSnapshot;
    expect(report.upstreamSubmits.get(row.prompt), `${id} resumed, not submitted again`).toBe(1);
    expect(
      row.attempts.map((a) => a.provider),
      `${id}: one attempt, resumed`,
    ).toEqual(['fal']);
  }
  for (const id of report.unresumable) {
    const row = byId.get(id) as JobRowSnapshot;
    expect(row.attempts[0]?.provider, `${id}: the lost attempt is on record`).toBe('unknown');
  }
  // Each kill left work in flight to take over (else this test would prove nothing about it).
  expect(report.resumable.length, 'jobs resumed after a kill').toBeGreaterThanOrEqual(report.kills);
  let upstreamSubmits = 0;
  for (const count of report.upstreamSubmits.values()) upstreamSubmits += count;
  return {
    jobs: report.rows.length,
    upstreamSubmits,
    takenOver: report.resumable.length + report.unresumable.length,
  };
}
