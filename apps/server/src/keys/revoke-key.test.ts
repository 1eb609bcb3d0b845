import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorResponse } from '../testing/expect-error-envelope.ts';
import { expectStoreLedgerConsistent } from '../testing/expect-ledger-consistent.ts';
import { type StandInProvider, startStandInProvider } from '../testing/stand-in-provider.ts';
import { startTestServer, type TestServer } from '../testing/start-test-server.ts';

// A key revoked by the keys CLI (another process) while its job runs at a provider: the job
// is cancelled and refunded by the revoke itself, and the server running it stops it and
// cancels it upstream at its next heartbeat, so no one pays for an image nobody can collect.

const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));
let fal: StandInProvider;
let server: TestServer;

beforeAll(async () => {
  fal = await startStandInProvider({ protocol: 'fal' });
  fal.hold(true);
  // A short lease makes the heartbeat (a third of it) beat every 300 ms.
  server = await startTestServer({
    providers: [{ id: 'fal', kind: 'fal', url: fal.url, key: fal.key }],
    leaseMs: 900,
  });
});
afterAll(async () => {
  await server.close();
  await fal.close();
});

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1_000 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error(`never happened: ${what}`);
}

describe('revoking a key whose job is running', () => {
  it('cancels and refunds the job at once, and the server cancels it upstream at its next heartbeat', async () => {
    const { key, id: keyId } = await server.createApiKey({ credits: 10, name: 'revoked' });
    const auth = { authorization: `Key ${key}` };
    const submitted = await server.call('/v2/submit', {
      headers: auth,
      json: { model: 'flux-dev', prompt: 'never collected', width: 512, height: 512 },
    });
    const { id } = (await submitted.json()) as { id: string };
    await until(() => fal.calls.some((c) => c.path.endsWith('/status')), 'fal polled');
    expect((await server.keys.get(keyId))?.balance).toBe(7);

    // The CLI pointed at the server's own store, whichever it is.
    const storeArgs =
      server.config.databaseUrl === null
        ? ['--data-dir', server.dataDir]
        : ['--database-url', server.config.databaseUrl];
    const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'revoke', keyId, '--json', ...storeArgs]);
    expect(JSON.parse(stdout)).toEqual({ id: keyId, revoked: true, cancelled: [id] });
    expect((await server.jobs.get(id))?.status).toBe('cancelled');
    expect((await server.keys.get(keyId))?.balance).toBe(10);

    await until(() => fal.calls.some((c) => c.method === 'PUT' && c.path.endsWith('/cancel')), 'fal told to cancel');
    expect(server.runner.isRunning(id)).toBe(false);
    await expectErrorResponse(await server.call(`/v2/poll/${id}`, { headers: auth }), 'INVALID_API_KEY');

    // The provider finishing afterwards changes nothing: cancelled, refunded once.
    fal.hold(false);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await server.jobs.get(id))?.status).toBe('cancelled');
    expect((await expectStoreLedgerConsistent(server)).get(keyId)).toBe(10);
  });
});
