import { afterEach, describe, expect, it } from 'vitest';
import { expectErrorEnvelope } from '../testing/expect-error-envelope.ts';
import { expectStoreLedgerConsistent } from '../testing/expect-ledger-consistent.ts';
import { type StandInProvider, startStandInProvider } from '../testing/stand-in-provider.ts';
import { startTestServer, type TestServer, waitForResult } from '../testing/start-test-server.ts';

// A burst of submits the moment a circuit turns half-open. Half-open means one probe: the
// rest must be refused uncharged (MODEL_UNAVAILABLE) or served by a provider that works,
// never accepted, charged and then failed untried (`attempts: []`).

const BURST = 100;
const COOLDOWN_MS = 30_000;
// The breakers' clock: it moves only when the test moves it, so no test waits out a real
// cooldown, "open" holds however long a loaded machine takes to look, and the half-open
// window lasts through the whole burst.
let clock = Date.now();
let standIns: StandInProvider[] = [];
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  await Promise.all(standIns.map((s) => s.close()));
  standIns = [];
});

async function start(protocols: ('fal' | 'replicate')[]) {
  standIns = await Promise.all(protocols.map((protocol) => startStandInProvider({ protocol, mode: 'http-500' })));
  server = await startTestServer({
    credits: 10_000,
    keepDataDir: true,
    providers: standIns.map((s, i) => ({
      id: protocols[i] as string,
      kind: protocols[i] as 'fal',
      url: s.url,
      key: s.key,
    })),
    breaker: { failureThreshold: 1, cooldownMs: COOLDOWN_MS, now: () => clock },
  });
  return server;
}

const submit = (s: TestServer, prompt: string) =>
  s.call('/v2/submit', { json: { model: 'flux-schnell', prompt, width: 256, height: 256 } });

/** Fails one job so every circuit opens, then moves the breakers' clock past the cooldown: every circuit is half-open. */
async function openThenHalfOpen(s: TestServer) {
  const failed = await waitForResult(s, ((await (await submit(s, 'opens the circuits')).json()) as { id: string }).id);
  expect(failed.status).toBe('failed');
  const states = async () =>
    (
      (await (await s.call('/v2/providers', { auth: false })).json()) as { providers: { circuit: { state: string } }[] }
    ).providers.map((p) => p.circuit.state);
  expect((await states()).every((state) => state === 'open')).toBe(true);
  clock += COOLDOWN_MS;
  expect((await states()).every((state) => state === 'half_open')).toBe(true);
}

/** Fires the burst at once and returns the accepted jobs' results and the refusals. */
async function burst(s: TestServer) {
  const answers = await Promise.all(Array.from({ length: BURST }, (_, i) => submit(s, `burst ${i}`)));
  const accepted: Record<string, unknown>[] = [];
  let refused = 0;
  for (const answer of answers) {
    const body = (await answer.json()) as Record<string, unknown>;
    if (answer.status === 200) accepted.push(await waitForResult(s, body.id as string));
    else {
      expect(answer.status).toBe(503);
      expectErrorEnvelope(body, 'MODEL_UNAVAILABLE');
      refused++;
    }
  }
  return { accepted, refused };
}

describe.each([[['fal']], [['fal', 'replicate']]] as const)(
  '%j turning half-open under a burst of 100',
  (protocols) => {
    it('recovered: the probes succeed, every accepted job completes, the rest are refused uncharged', async () => {
      const s = await start([...protocols]);
      await openThenHalfOpen(s);
      for (const standIn of standIns) standIn.setMode('ok');
      const before = (await s.keyRecord())?.balance as number;
      const { accepted, refused } = await burst(s);
      expect(accepted.length).toBeGreaterThanOrEqual(1);
      expect(accepted.length + refused).toBe(BURST);
      for (const result of accepted) expect(result.status).toBe('completed');
      expect((await s.keyRecord())?.balance).toBe(before - accepted.length);
      // Once a probe closed its circuit, jobs flow again.
      const after = await waitForResult(s, ((await (await submit(s, 'after')).json()) as { id: string }).id);
      expect(after.status).toBe('completed');
      await expectStoreLedgerConsistent(s);
      await s.close();
      server = undefined;
    });

    it('still broken: only the probes are charged (and refunded, with their attempt listed); the rest are refused', async () => {
      const s = await start([...protocols]);
      await openThenHalfOpen(s);
      const before = (await s.keyRecord())?.balance as number;
      const { accepted, refused } = await burst(s);
      // One probe per provider: a failed probe re-opens the circuit, and the clock does not move
      // during the burst, so no second half-open window opens.
      expect(accepted.length).toBeGreaterThanOrEqual(1);
      expect(accepted.length).toBeLessThanOrEqual(protocols.length);
      expect(refused).toBe(BURST - accepted.length);
      for (const result of accepted) {
        expect(result.status).toBe('failed');
        const error = expectErrorEnvelope(result.error, 'NO_PROVIDERS_WORKING') as { params: { attempts: unknown[] } };
        expect(error.params.attempts.length).toBeGreaterThanOrEqual(1);
      }
      expect((await s.keyRecord())?.balance).toBe(before);
      await expectStoreLedgerConsistent(s);
      await s.close();
      server = undefined;
    });
  },
);
