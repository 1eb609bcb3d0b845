import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorResponse } from '../testing/expect-error-envelope.ts';
import { expectStoreLedgerConsistent } from '../testing/expect-ledger-consistent.ts';
import { type StandInProvider, startStandInProvider } from '../testing/stand-in-provider.ts';
import { startTestServer, type TestServer, testStore, waitForResult } from '../testing/start-test-server.ts';
import { testDatabaseFor } from '../testing/test-database.ts';

// Provider keys sealed under one OPENPIXELS_SECRET_KEY, read by the same data dir's server
// restarted under another one, and under none: a key that does not allow reroute has its
// submits refused (PROVIDER_ERROR, uncharged, nothing stored) and its unfinished job failed,
// never silently made by the platform; one that allows reroute goes to the platform, charged,
// with one warning line naming the key. Every log line and answer is searched for secrets.

const USER_FAL = `user_fal_${randomBytes(12).toString('hex')}`;
const FIRST_SECRET = randomBytes(32);
const SECOND_SECRET = randomBytes(32);
const SECRETS = [USER_FAL, FIRST_SECRET.toString('hex'), SECOND_SECRET.toString('hex')];
const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));
const JOB = { model: 'flux-dev', prompt: 'a copper kettle', width: 512, height: 512 };

let fal: StandInProvider;
let dataDir: string;
const logLines: string[] = [];
const answers: string[] = [];
/** The keys made under the first secret: `strict` does not allow reroute, `lenient` does. */
const keys: Record<'strict' | 'lenient' | 'pending', { id: string; key: string }> = {} as never;
let pendingJob: string;

function start(secretKey: Buffer | undefined, options: { previous?: Buffer } = {}): Promise<TestServer> {
  return startTestServer({
    ...(secretKey ? { secretKey } : {}),
    ...(options.previous ? { secretKeyPrevious: options.previous } : {}),
    ...(dataDir === undefined ? { keepDataDir: true } : { dataDir }),
    logLevel: 'info',
    logStream: { write: (line) => void logLines.push(line) },
    providers: [{ id: 'fal', kind: 'fal', url: fal.url, key: fal.key }],
  });
}

async function call(server: TestServer, path: string, key: string, json?: unknown, method = 'POST') {
  const response = await server.call(path, {
    headers: { authorization: `Key ${key}` },
    ...(json === undefined ? {} : { json, method }),
  });
  const text = await response.text();
  answers.push(text);
  return new Response(text, { status: response.status, headers: response.headers });
}

/** Runs a job of the lenient key and checks that fal made it with the user's own credential. */
async function expectMadeWithUserCredential(server: TestServer): Promise<void> {
  const from = fal.calls.length;
  const submitted = await call(server, '/v2/submit', keys.lenient.key, JOB);
  const result = await waitForResult(server, ((await submitted.json()) as { id: string }).id, keys.lenient.key);
  expect(result).toMatchObject({ status: 'completed' });
  const used = fal.calls.slice(from).map((c) => c.authorization);
  expect(used.length).toBeGreaterThan(0);
  expect(used.every((authorization) => authorization === `Key ${USER_FAL}`)).toBe(true);
}

beforeAll(async () => {
  fal = await startStandInProvider({ protocol: 'fal' });
  fal.acceptKey(USER_FAL);
  const first = await start(FIRST_SECRET);
  dataDir = first.dataDir;
  try {
    for (const [name, reroute] of [['strict', false], ['lenient', true], ['pending', false]] as const) {
      keys[name] = await first.createApiKey({ credits: 100, name });
      const put = await call(first, '/v2/provider-keys', keys[name].key, { fal: USER_FAL, reroute }, 'PUT');
      expect(put.status).toBe(200);
    }
    // One job left unfinished at fal when this server stops: the next start takes it over.
    fal.hold(true);
    const submitted = await call(first, '/v2/submit', keys.pending.key, JOB);
    pendingJob = ((await submitted.json()) as { id: string }).id;
    for (let i = 0; i < 200 && !fal.calls.some((c) => c.path.endsWith('/status')); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    await first.close();
    fal.hold(false);
  }
});
afterAll(async () => {
  await fal?.close();
  if (dataDir !== undefined) {
    rmSync(dataDir, { recursive: true, force: true });
    if (testStore === 'postgres') await (await testDatabaseFor(dataDir)).drop();
  }
});

describe('provider keys the server cannot open', () => {
  it('under another secret: refuses a strict key, moves a lenient one to the platform (charged, one warning), fails the job taken over', async () => {
    const server = await start(SECOND_SECRET);
    try {
      // The job the first server left: made only with the key's own credential, so it fails, not the platform's.
      const left = await waitForResult(server, pendingJob, keys.pending.key);
      answers.push(JSON.stringify(left));
      expect(left).toMatchObject({ status: 'failed', error: { code: 'PROVIDER_ERROR', params: { provider: 'fal' } } });

      const fromFal = fal.calls.length;
      const refused = await call(server, '/v2/submit', keys.strict.key, JOB);
      const error = await expectErrorResponse(refused, 'PROVIDER_ERROR', { secrets: SECRETS });
      expect(refused.status).toBe(502);
      expect(error.params).toEqual({ provider: 'fal' });
      expect(error.message).toMatch(/can no longer be opened/);
      expect(error.message).toMatch(/PUT \/v2\/provider-keys/);
      expect(fal.calls.length).toBe(fromFal);
      const strictLines = await server.store.ledger.history(keys.strict.id, 10);
      expect(strictLines.map((line) => line.kind)).toEqual(['grant']);
      expect(await server.jobs.listUnfinished(keys.strict.id)).toEqual([]);

      const warnedBefore = logLines.filter((line) => line.includes('cannot be opened')).length;
      const submitted = await call(server, '/v2/submit', keys.lenient.key, JOB);
      expect(submitted.status).toBe(200);
      const result = await waitForResult(server, ((await submitted.json()) as { id: string }).id, keys.lenient.key);
      answers.push(JSON.stringify(result));
      expect(result).toMatchObject({ status: 'completed', meta: { provider: 'fal' } });
      const used = fal.calls.slice(fromFal).map((c) => c.authorization);
      expect(used.length).toBeGreaterThan(0);
      expect(used.every((authorization) => authorization === `Key ${fal.key}`), 'the platform key').toBe(true);
      expect((await server.keys.get(keys.lenient.id))?.balance).toBe(97);
      const warnings = logLines
        .filter((line) => line.includes('cannot be opened'))
        .slice(warnedBefore)
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({ level: 40, keyId: keys.lenient.id });

      // The holder sees nothing set, and storing the credential again makes it work again.
      const view = await call(server, '/v2/provider-keys', keys.strict.key);
      expect(await view.json()).toEqual({ fal: false, replicate: false, reroute: false });
      const put = await call(server, '/v2/provider-keys', keys.strict.key, { fal: USER_FAL }, 'PUT');
      expect(await put.json()).toEqual({ fal: true, replicate: false, reroute: false });
      const again = await call(server, '/v2/submit', keys.strict.key, JOB);
      expect(again.status).toBe(200);
      const made = await waitForResult(server, ((await again.json()) as { id: string }).id, keys.strict.key);
      expect(made).toMatchObject({ status: 'completed' });
      expect((await server.keys.get(keys.strict.id))?.balance).toBe(100);
      await expectStoreLedgerConsistent(server);
    } finally {
      await server.close();
    }
  });

  it('without OPENPIXELS_SECRET_KEY: the same, a strict key refused and a lenient one charged on the platform', async () => {
    const server = await start(undefined);
    try {
      const refused = await call(server, '/v2/submit', keys.strict.key, JOB);
      await expectErrorResponse(refused, 'PROVIDER_ERROR', { secrets: SECRETS });
      const submitted = await call(server, '/v2/submit', keys.lenient.key, JOB);
      expect(submitted.status).toBe(200);
      const result = await waitForResult(server, ((await submitted.json()) as { id: string }).id, keys.lenient.key);
      expect(result).toMatchObject({ status: 'completed' });
      expect((await server.keys.get(keys.lenient.id))?.balance).toBe(94);
      expect((await server.keys.get(keys.strict.id))?.balance).toBe(100);
      await expectStoreLedgerConsistent(server);
    } finally {
      await server.close();
    }
  });

  it('rotation: the previous secret opens what the current one cannot, and keys reseal seals them all under the current one', async () => {
    const rotating = await start(SECOND_SECRET, { previous: FIRST_SECRET });
    try {
      // The lenient key's credential was sealed under the first secret: opened with it, used, not charged.
      await expectMadeWithUserCredential(rotating);
      expect((await rotating.keys.get(keys.lenient.id))?.balance).toBe(94);
    } finally {
      await rotating.close();
    }

    // The CLI, on the same store, with the two secrets in its environment (never on its command line).
    const args = [CLI, 'reseal', '--json', '--data-dir', dataDir];
    if (testStore === 'postgres') args.push('--database-url', (await testDatabaseFor(dataDir)).url);
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, {
      env: {
        ...process.env,
        OPENPIXELS_SECRET_KEY: SECOND_SECRET.toString('hex'),
        OPENPIXELS_SECRET_KEY_PREVIOUS: FIRST_SECRET.toString('hex'),
      },
    });
    answers.push(stdout, stderr);
    // lenient and pending were under the first secret; strict was stored again under the second.
    expect(JSON.parse(stdout)).toEqual({ resealed: 2, current: 1, unreadable: 0 });

    // The second secret alone now opens every one.
    const after = await start(SECOND_SECRET);
    try {
      await expectMadeWithUserCredential(after);
      expect(await (await call(after, '/v2/provider-keys', keys.pending.key)).json()).toEqual({
        fal: true,
        replicate: false,
        reroute: false,
      });
      await expectStoreLedgerConsistent(after);
    } finally {
      await after.close();
    }
  });

  it('never wrote a secret or a cipher message into a log line or an answer', () => {
    expect(logLines.length).toBeGreaterThan(10);
    for (const text of [...logLines, ...answers]) {
      for (const secret of SECRETS) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/unable to authenticate data|Unsupported state/i);
    }
  });
});
