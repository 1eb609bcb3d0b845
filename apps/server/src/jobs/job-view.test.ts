import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorEnvelope } from '../testing/expect-error-envelope.ts';
import { type StandInProvider, startStandInProvider } from '../testing/stand-in-provider.ts';
import { startTestServer, type TestServer } from '../testing/start-test-server.ts';

// A failed job's error, as submit and poll answer it: an envelope like any other, whose
// request_id is the answering request's own (the X-Request-Id of that answer).

let fal: StandInProvider;
let server: TestServer;

beforeAll(async () => {
  fal = await startStandInProvider({ protocol: 'fal' });
  fal.setMode('job-error');
  server = await startTestServer({
    providers: [{ id: 'fal', kind: 'fal', url: fal.url, key: fal.key }],
    submitWaitMs: 1_000,
  });
});
afterAll(async () => {
  await server.close();
  await fal.close();
});

const body = {
  model: 'flux-dev',
  prompt: 'fails',
  width: 512,
  height: 512,
  config: { routing: { whitelist: ['fal'] } },
};

describe("a job result's error", () => {
  it('carries the request_id of the submit or poll that answered with it, each answer its own', async () => {
    const submitted = await server.call('/v2/submit', { json: body });
    const result = (await submitted.json()) as { id: string; type: string; error: { request_id?: string } };
    expect(result.type).toBe('result');
    expectErrorEnvelope(result.error, 'PROVIDER_JOB_ERROR');
    expect(result.error.request_id).toBe(submitted.headers.get('x-request-id'));

    const seen = new Set<string>();
    for (let i = 0; i < 2; i++) {
      const polled = await server.call(`/v2/poll/${result.id}`);
      const { error } = (await polled.json()) as { error: { request_id?: string } };
      expect(error.request_id).toBe(polled.headers.get('x-request-id'));
      seen.add(error.request_id as string);
    }
    expect(seen.size).toBe(2);
    expect(seen.has(result.error.request_id as string)).toBe(false);
  });
});
