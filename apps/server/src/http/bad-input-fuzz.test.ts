import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorResponse } from '../testing/expect-error-envelope.ts';
import { startTestServer, type TestServer } from '../testing/start-test-server.ts';

// Whatever arrives, the answer is a 4xx envelope (or a job), never a 500. The key holds no
// credits, so bodies that happen to be valid stop at NO_CREDITS instead of rendering.

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ credits: 0, bodyLimitBytes: 16_384 });
});
afterAll(() => server.close());

const field = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
  fc.string({ minLength: 4_001, maxLength: 20_000 }),
);
const body = fc.oneof(
  fc
    .record(
      {
        model: fc.oneof(field, fc.constantFrom('flux-dev', 'flux-schnell', 'flux-1.1-pro', 'FLUX-DEV')),
        prompt: field,
        width: fc.oneof(field, fc.integer({ min: -10_000, max: 10_000 })),
        height: field,
        config: fc.oneof(
          field,
          fc.record(
            { routing: fc.record({ whitelist: field, ordering: field, strategy: field }, { requiredKeys: [] }) },
            { requiredKeys: [] },
          ),
        ),
      },
      { requiredKeys: [] },
    )
    .map((record) => JSON.stringify(record)),
  fc.dictionary(fc.string({ maxLength: 12 }), field, { maxKeys: 6 }).map((record) => JSON.stringify(record)),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
);
const headers = fc.record(
  {
    'content-type': fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'text/plain',
      'application/xml',
      'multipart/form-data',
      '',
    ),
    'idempotency-key': fc.oneof(fc.string({ maxLength: 300 }), fc.constant('x'.repeat(256))),
    'x-request-id': fc.string({ maxLength: 100 }),
  },
  { requiredKeys: ['content-type'] },
);

function safeHeaders(record: Record<string, string>): Headers {
  const result = new Headers();
  for (const [name, value] of Object.entries(record)) {
    // fetch refuses to send some byte sequences at all; those never reach a server anyway.
    try {
      result.set(name, value);
    } catch {}
  }
  return result;
}

describe('bad input fuzz', () => {
  it('submit answers every body and header mix with a 4xx envelope, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(body, headers, async (text, headerRecord) => {
        const sent = safeHeaders(headerRecord);
        sent.set('authorization', `Key ${server.key}`);
        const response = await fetch(`${server.url}/v2/submit`, { method: 'POST', body: text, headers: sent });
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        const code = ((await response.clone().json()) as { code: Parameters<typeof expectErrorResponse>[1] }).code;
        await expectErrorResponse(response, code, { secrets: [server.key] });
      }),
      { numRuns: 300 },
    );
  });

  it('poll and authorization headers of any shape give 4xx envelopes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 120 }), fc.string({ maxLength: 120 }), async (id, authorization) => {
        const sent = safeHeaders({ authorization });
        const response = await fetch(`${server.url}/v2/poll/${encodeURIComponent(id)}?wait_ms=0`, { headers: sent });
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        const code = ((await response.clone().json()) as { code: Parameters<typeof expectErrorResponse>[1] }).code;
        await expectErrorResponse(response, code, { secrets: [server.key] });
      }),
      { numRuns: 200 },
    );
  });
});
