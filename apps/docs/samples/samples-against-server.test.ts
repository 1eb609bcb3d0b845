import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasErrorCode } from '@openpixels/errors';
import { OpenPixels } from 'openpixels';
import { startServer } from '@openpixels/server';
import { startStandInProvider } from '@openpixels/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCS_ROOT } from '../src/site-paths.ts';
import { submitWithFetch } from './submit-with-fetch.ts';

type RunningServer = Awaited<ReturnType<typeof startServer>>;
type StandIn = Awaited<ReturnType<typeof startStandInProvider>>;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

// Runs a sample the way a reader would (`node x.ts`, `sh x.sh`), pointed at the test's server.
function runSample(file: string, server: RunningServer, apiKey: string) {
  const command = file.endsWith('.sh') ? 'sh' : process.execPath;
  const env = { ...process.env, OPENPIXELS_API_KEY: apiKey, OPENPIXELS_BASE_URL: server.url };
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = execFile(command, [join(DOCS_ROOT, 'samples', file)], { env, cwd: DOCS_ROOT, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ code: child.exitCode, stdout, stderr });
    });
  });
}

async function expectPng(url: string): Promise<void> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
}

describe('the samples, run against a local server with the local provider', () => {
  let dataDir: string;
  let server: RunningServer;
  let funded: string;
  let broke: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'openpixels-docs-server-'));
    server = await startServer({ port: 0, dataDir, logLevel: 'silent' });
    funded = (await server.createApiKey({ credits: 10_000, name: 'docs funded' })).key;
    broke = (await server.createApiKey({ credits: 0, name: 'docs broke' })).key;
  });

  afterAll(async () => {
    await server?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('quickstart.ts prints the URL of a real PNG', async () => {
    const result = await runSample('quickstart.ts', server, funded);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const url = /^Image ready: (\S+)$/m.exec(result.stdout)?.[1];
    await expectPng(url ?? '');
  });

  it('quickstart-curl.sh polls until the result and its image', async () => {
    const result = await runSample('quickstart-curl.sh', server, funded);
    expect(result.code).toBe(0);
    const last = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '') as { type: string; data?: { url: string } };
    expect(last.type).toBe('result');
    await expectPng(last.data?.url ?? '');
  });

  it.each([
    ['a bad key', 'INVALID_API_KEY'],
    ['no credits', 'NO_CREDITS'],
  ])('quickstart-curl.sh with %s prints the envelope and stops with exit 1', async (_, code) => {
    const key = code === 'NO_CREDITS' ? broke : `sk-op-${'x'.repeat(40)}`;
    const result = await runSample('quickstart-curl.sh', server, key);
    expect(result).toMatchObject({ code: 1, stderr: '' });
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect((JSON.parse(lines[0] ?? '') as { code: string }).code).toBe(code);
  });

  it('handling-errors.ts explains NO_CREDITS with its params, and prints the image when there are credits', async () => {
    const refused = await runSample('handling-errors.ts', server, broke);
    expect(refused.code).toBe(0);
    expect(refused.stderr).toMatch(/^Generation failed: .+\nTop up: need \d+, have 0\.\n$/);
    const served = await runSample('handling-errors.ts', server, funded);
    expect(served).toMatchObject({ code: 0, stderr: '' });
    await expectPng(/^Generated image: (\S+)$/m.exec(served.stdout)?.[1] ?? '');
  });

  it('throw-on-error.ts catches the thrown NO_CREDITS error', async () => {
    const refused = await runSample('throw-on-error.ts', server, broke);
    expect(refused).toMatchObject({ code: 1, stderr: 'Out of credits: 0 left.\n' });
    const served = await runSample('throw-on-error.ts', server, funded);
    expect(served.code).toBe(0);
    await expectPng(/^Image: (\S+)$/m.exec(served.stdout)?.[1] ?? '');
  });

  it('submit-and-poll.ts follows a submitted job to its image', async () => {
    const result = await runSample('submit-and-poll.ts', server, funded);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    await expectPng(/^done: (\S+)$/m.exec(result.stdout)?.[1] ?? '');
  });

  it('migrate-from-fal.ts: the real fal client gets a PNG through the fal route, and reads NO_CREDITS from ApiError.body', async () => {
    const served = await runSample('migrate-from-fal.ts', server, funded);
    expect(served).toMatchObject({ code: 0, stderr: '' });
    await expectPng(/^Image ready: (\S+) \(request job_\w+\)$/m.exec(served.stdout)?.[1] ?? '');
    const refused = await runSample('migrate-from-fal.ts', server, broke);
    expect(refused.code).toBe(0);
    expect(refused.stderr).toMatch(/^HTTP 402: .+\nTop up: need \d+, have 0\.\n$/);
  });

  it('refuses an unknown provider with PROVIDER_NOT_FOUND, as the routing guide says', async () => {
    const client = new OpenPixels({ apiKey: funded, baseUrl: server.url });
    const result = await client.run({ model: 'flux-dev', prompt: 'a kite', config: { routing: { whitelist: ['acme'] } } });
    expect(result.error?.code).toBe('PROVIDER_NOT_FOUND');
    if (result.error?.code === 'PROVIDER_NOT_FOUND') expect(result.error.params.available).toContain('local');
    const providers = await (await fetch(new URL('/v2/providers', server.url), { headers: { authorization: `Key ${funded}` } })).text();
    expect(providers).toContain('"local"');
  });

  it('submitWithFetch decodes refusals into envelopes and accepts a funded job', async () => {
    const wrongKey = await submitWithFetch(server.url, `sk-op-${'0'.repeat(32)}`, 'a kite');
    expect(wrongKey.ok).toBe(false);
    if (!wrongKey.ok) {
      expect(hasErrorCode(wrongKey.error, 'INVALID_API_KEY')).toBe(true);
      expect(wrongKey.error.request_id).toEqual(expect.any(String));
    }
    const noCredits = await submitWithFetch(server.url, broke, 'a kite');
    expect(!noCredits.ok && hasErrorCode(noCredits.error, 'NO_CREDITS') && noCredits.error.params.available).toBe(0);
    const accepted = await submitWithFetch(server.url, funded, 'a kite');
    expect(accepted).toMatchObject({ ok: true, id: expect.any(String) });
  });
});

describe('the routing sample, against a server with fal and Replicate stand-ins', () => {
  let dataDir: string;
  let server: RunningServer;
  let fal: StandIn;
  let replicate: StandIn;
  let key: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'openpixels-docs-routing-'));
    fal = await startStandInProvider({ protocol: 'fal' });
    replicate = await startStandInProvider({ protocol: 'replicate' });
    server = await startServer({
      port: 0,
      dataDir,
      logLevel: 'silent',
      providers: [
        { id: 'fal', kind: 'fal', url: fal.url, key: fal.key, timeoutMs: 5_000 },
        { id: 'replicate', kind: 'replicate', url: replicate.url, key: replicate.key, timeoutMs: 5_000 },
        { id: 'local', kind: 'local' },
      ],
    });
    key = (await server.createApiKey({ credits: 10_000 })).key;
  });

  afterAll(async () => {
    await server?.close();
    await fal?.close();
    await replicate?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('serves all three payloads while the providers are healthy', async () => {
    const result = await runSample('routing.ts', server, key);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout.match(/^\w+: served \S+$/gm)).toHaveLength(3);
  });

  it('shows every attempt in NO_PROVIDERS_WORKING when the whitelisted providers all fail, and lets an ordering fall through', async () => {
    fal.setMode('http-500');
    replicate.setMode('http-500');
    const result = await runSample('routing.ts', server, key);
    expect(result.code).toBe(0);
    // The whitelist's report runs from its own line to the next payload's.
    const whitelisted = /^onlyTheseProviders: every provider failed\n((?: {2}.*\n)*)/m.exec(result.stdout)?.[1] ?? '';
    expect(whitelisted).toMatch(/^ {2}tried (fal|replicate): PROVIDER_HTTP_ERROR$/m);
    const tried = [...whitelisted.matchAll(/^ {2}tried (\w+): /gm)].map(([, provider]) => provider);
    expect(new Set(tried)).toEqual(new Set(['fal', 'replicate']));
    // `ordering` is only a preference: with both preferred providers down, another serves the job.
    expect(result.stdout).toMatch(/^preferTheseProviders: served \S+$/m);
  });
});

describe('pinning a provider, as the routing guide describes', () => {
  it("returns the pinned provider's own error, not NO_PROVIDERS_WORKING", async () => {
    // A server of its own, so no earlier failure has opened the provider's breaker.
    const dataDir = await mkdtemp(join(tmpdir(), 'openpixels-docs-pin-'));
    const fal = await startStandInProvider({ protocol: 'fal', mode: 'http-500' });
    const server = await startServer({
      port: 0,
      dataDir,
      logLevel: 'silent',
      providers: [
        { id: 'fal', kind: 'fal', url: fal.url, key: fal.key, timeoutMs: 5_000 },
        { id: 'local', kind: 'local' },
      ],
    });
    try {
      const { key } = await server.createApiKey({ credits: 1_000 });
      const client = new OpenPixels({ apiKey: key, baseUrl: server.url });
      const pinned = { whitelist: ['fal'] };
      const result = await client.run({ model: 'flux-dev', prompt: 'a kite', config: { routing: pinned } });
      expect(result.error?.code).toBe('PROVIDER_HTTP_ERROR');
      expect(fal.requests).toBeGreaterThan(0);
    } finally {
      await server.close();
      await fal.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
