import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueKeyInDataDir } from '../testing/issue-key-in-data-dir.ts';
import { prometheusSample } from '../testing/prometheus-sample.ts';
import { keyHeaders } from '../testing/process-client.ts';
import { jobRows, pollResult, submitJob } from '../testing/server-process-client.ts';
import { type ServerProcess, startServerProcess } from '../testing/start-server-process.ts';
import { workerPids } from '../testing/worker-pids.ts';

// OPENPIXELS_WORKERS=2 with real processes: a scripted workload spread over both workers, then
// scrapes (each landing on either worker) that must all show the whole group's numbers.

const TOKEN = 'group-metrics-token-0123456789';
const JOBS = 24;
let primary: ServerProcess;
let dataDir: string;
let key: string;
let poorKey: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'openpixels-group-metrics-'));
  key = (await issueKeyInDataDir(dataDir, { credits: 1_000, name: 'metrics' })).key;
  poorKey = (await issueKeyInDataDir(dataDir, { credits: 1, name: 'poor' })).key;
  primary = await startServerProcess(dataDir, { OPENPIXELS_WORKERS: '2', OPENPIXELS_METRICS_TOKEN: TOKEN });
});
afterAll(async () => {
  if (primary) {
    for (const pid of workerPids(primary)) process.kill(pid, 'SIGKILL');
    primary.kill();
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** One request on a connection of its own: node:cluster hands each new connection to the workers in turn. */
function fresh(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${primary.url}${path}`, { ...init, headers: { ...init.headers, connection: 'close' } });
}

describe('GET /metrics with OPENPIXELS_WORKERS=2', () => {
  it("answers the whole group's counts on whichever worker the scrape lands", async () => {
    const ids: string[] = [];
    ids.push(...(await Promise.all(Array.from({ length: JOBS }, (_, i) => submitJob(primary.url, key, `metrics job ${i}`)))));
    for (const id of ids) expect(await pollResult(primary.url, key, id)).toMatchObject({ status: 'completed' });
    for (let i = 0; i < 3; i++) {
      const refused = await fresh('/v2/submit', {
        method: 'POST',
        headers: keyHeaders(poorKey),
        body: JSON.stringify({ model: 'flux-dev', prompt: 'too dear', width: 512, height: 512 }),
      });
      expect(refused.status).toBe(402);
      await refused.arrayBuffer();
    }
    // Both workers took some of the jobs: a scrape of one alone would miss the other's.
    expect(new Set(jobRows(dataDir).map((row) => row.owner)).size).toBe(2);

    const scrapes: string[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await fresh('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(response.status).toBe(200);
      scrapes.push(await response.text());
    }
    for (const text of scrapes) {
      expect(prometheusSample(text, 'openpixels_jobs_total', { model: 'flux-dev', provider: 'local', outcome: 'completed' })).toBe(JOBS);
      expect(prometheusSample(text, 'openpixels_credits_reserved_total')).toBe(3 * JOBS);
      expect(prometheusSample(text, 'openpixels_errors_total', { type: 'BILLING_ERROR', code: 'NO_CREDITS' })).toBe(3);
      expect(prometheusSample(text, 'openpixels_http_requests_total', { route: '/v2/submit', method: 'POST', status: '200' })).toBe(JOBS);
      expect(
        prometheusSample(text, 'openpixels_attempt_duration_seconds_count', { provider: 'local', model: 'flux-dev', code: 'ok' }),
      ).toBe(JOBS);
      // A state, not a count: 1 when some worker's circuit is in it, never 2.
      expect(prometheusSample(text, 'openpixels_circuit_state', { provider: 'local', state: 'closed' })).toBe(1);
      expect(prometheusSample(text, 'openpixels_circuit_state', { provider: 'local', state: 'open' })).toBe(0);
      // Every catalog code is there from the start, once (summed, not repeated per worker).
      expect(text.match(/^openpixels_errors_total\{type="BILLING_ERROR",code="NO_CREDITS"\}/gm)).toHaveLength(1);
    }
  });
});
