import { errorCatalog, errorCodes } from '@openpixels/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorResponse } from '../testing/expect-error-envelope.ts';
import { type StandInProvider, startStandInProvider } from '../testing/stand-in-provider.ts';
import { startTestServer, type TestServer, waitForResult } from '../testing/start-test-server.ts';
import { prometheusSample } from '../testing/prometheus-sample.ts';

// A scripted workload against a real gateway with two stand-in providers, then a scrape: each
// counter must have moved by exactly what the workload did.

const TOKEN = 'metrics-token-for-the-test-0123456789';


let fal: StandInProvider;
let replicate: StandInProvider;
let server: TestServer;

const scrape = async () => {
  const response = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  return response.text();
};

async function run(routing: object): Promise<Record<string, unknown>> {
  const response = await server.call('/v2/submit', {
    json: { model: 'flux-dev', prompt: 'a tin robot', width: 512, height: 512, config: { routing } },
  });
  expect(response.status).toBe(200);
  return waitForResult(server, ((await response.json()) as { id: string }).id);
}

beforeAll(async () => {
  fal = await startStandInProvider({ protocol: 'fal' });
  replicate = await startStandInProvider({ protocol: 'replicate' });
  server = await startTestServer({
    credits: 1_000,
    metricsToken: TOKEN,
    providers: [
      { id: 'fal', kind: 'fal', url: fal.url, key: fal.key },
      { id: 'replicate', kind: 'replicate', url: replicate.url, key: replicate.key },
    ],
    breaker: { failureThreshold: 1_000 },
  });
});
afterAll(async () => {
  await server?.close();
  await Promise.all([fal?.close(), replicate?.close()]);
});

describe('GET /metrics', () => {
  it('lists every catalog code at 0 before anything happened, with its type', async () => {
    const text = await scrape();
    for (const code of errorCodes) {
      expect(text).toContain(`openpixels_errors_total{type="${errorCatalog[code].type}",code="${code}"} 0`);
    }
    for (const provider of ['fal', 'replicate']) {
      expect(prometheusSample(text, 'openpixels_circuit_state', { provider, state: 'closed' })).toBe(1);
      expect(prometheusSample(text, 'openpixels_circuit_state', { provider, state: 'open' })).toBe(0);
    }
  });

  it('counts what a scripted workload did', async () => {
    const before = await scrape();
    const poor = await server.createApiKey({ credits: 0, name: 'poor' });

    // Two jobs rerouted from a failing fal to Replicate, one served by fal, one failed on fal (refunded).
    fal.setMode('http-500');
    for (let i = 0; i < 2; i++) {
      expect(await run({ ordering: ['fal', 'replicate'] })).toMatchObject({ status: 'completed' });
    }
    fal.setMode('ok');
    expect(await run({ whitelist: ['fal'] })).toMatchObject({ status: 'completed' });
    fal.setMode('job-error');
    expect(await run({ whitelist: ['fal'] })).toMatchObject({ status: 'failed' });
    // One cancelled while fal holds it (refunded).
    fal.setMode('hang');
    const submitted = await server.call('/v2/submit', {
      json: { model: 'flux-dev', prompt: 'a tin robot', config: { routing: { whitelist: ['fal'] } } },
    });
    const { id } = (await submitted.json()) as { id: string };
    expect((await server.call(`/v2/cancel/${id}`, { method: 'POST' })).status).toBe(200);
    fal.setMode('ok');
    // Three refusals for credits, nothing reserved for them.
    for (let i = 0; i < 3; i++) {
      const refused = await server.call('/v2/submit', {
        headers: { authorization: `Key ${poor.key}` },
        json: { model: 'flux-dev', prompt: 'a tin robot' },
      });
      await expectErrorResponse(refused, 'NO_CREDITS');
    }
    await expectErrorResponse(await server.call('/no/such/route'), 'ROUTE_NOT_FOUND');

    const after = await scrape();
    const delta = (name: string, labels: Record<string, string> = {}) =>
      prometheusSample(after, name, labels) - prometheusSample(before, name, labels);
    const error = (code: keyof typeof errorCatalog) =>
      delta('openpixels_errors_total', { type: errorCatalog[code].type, code });

    expect(error('NO_CREDITS')).toBe(3);
    expect(error('PROVIDER_JOB_ERROR')).toBe(1);
    expect(error('JOB_CANCELLED')).toBe(1);
    expect(error('ROUTE_NOT_FOUND')).toBe(1);
    expect(error('INTERNAL_SERVER_ERROR')).toBe(0);

    const jobs = (provider: string, outcome: string) =>
      delta('openpixels_jobs_total', { model: 'flux-dev', provider, outcome });
    expect(jobs('replicate', 'completed')).toBe(2);
    expect(jobs('fal', 'completed')).toBe(1);
    expect(jobs('fal', 'failed')).toBe(1);
    expect(delta('openpixels_jobs_total', { model: 'flux-dev', provider: 'none', outcome: 'cancelled' })).toBe(1);

    const attempts = (provider: string, code: string) =>
      delta('openpixels_attempt_duration_seconds_count', { provider, model: 'flux-dev', code });
    expect(attempts('fal', 'PROVIDER_HTTP_ERROR')).toBe(2);
    expect(attempts('replicate', 'ok')).toBe(2);
    expect(attempts('fal', 'ok')).toBe(1);
    expect(attempts('fal', 'PROVIDER_JOB_ERROR')).toBe(1);
    expect(delta('openpixels_reroutes_total', { from: 'fal', to: 'replicate' })).toBe(2);

    // flux-dev costs 3: five jobs reserved, two refunded (the failed one and the cancelled one).
    expect(delta('openpixels_credits_reserved_total')).toBe(15);
    expect(delta('openpixels_credits_refunded_total')).toBe(6);

    const requests = (route: string, method: string, status: string) =>
      delta('openpixels_http_requests_total', { route, method, status });
    expect(requests('/v2/submit', 'POST', '200')).toBe(5);
    expect(requests('/v2/submit', 'POST', '402')).toBe(3);
    expect(requests('/v2/cancel/:id', 'POST', '200')).toBe(1);
    expect(requests('unmatched', 'GET', '404')).toBe(1);
    // The first scrape was answered before the second one read the counters.
    expect(requests('/metrics', 'GET', '200')).toBe(1);
  });

  it('answers MISSING_API_KEY and INVALID_API_KEY without the token, like any key route', async () => {
    await expectErrorResponse(await fetch(`${server.url}/metrics`), 'MISSING_API_KEY');
    const wrong = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } });
    await expectErrorResponse(wrong, 'INVALID_API_KEY');
    // An API key is not the metrics token.
    await expectErrorResponse(await server.call('/metrics'), 'INVALID_API_KEY');
  });
});

describe('metrics configuration', () => {
  it('is off without a token: /metrics answers like a path with no route', async () => {
    const off = await startTestServer({ providers: [{ id: 'local', kind: 'local' }] });
    try {
      await expectErrorResponse(await off.call('/metrics'), 'ROUTE_NOT_FOUND');
      expect(off.metricsUrl).toBeNull();
    } finally {
      await off.close();
    }
  });

  it('on a port of its own, serves them there only (with the token when one is set)', async () => {
    const own = await startTestServer({
      providers: [{ id: 'local', kind: 'local' }],
      metricsPort: 0,
      metricsToken: TOKEN,
    });
    try {
      expect(own.metricsUrl).not.toBeNull();
      expect(own.metricsUrl).not.toBe(own.url);
      await expectErrorResponse(await own.call('/metrics', { auth: false }), 'ROUTE_NOT_FOUND');
      await expectErrorResponse(await fetch(`${own.metricsUrl}/metrics`), 'MISSING_API_KEY');
      const scraped = await fetch(`${own.metricsUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(scraped.status).toBe(200);
      expect(await scraped.text()).toContain('openpixels_errors_total{type="AVAILABILITY_ERROR",code="RATE_LIMITED"} 0');
      // The API's own routes are not on the metrics port.
      await expectErrorResponse(await fetch(`${own.metricsUrl}/v2/models`), 'ROUTE_NOT_FOUND');
    } finally {
      await own.close();
    }
  });
});
