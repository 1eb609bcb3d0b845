import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badBody, badHeaders, safeHeaders } from '../testing/bad-input-corpus.ts';
import { expectErrorResponse } from '../testing/expect-error-envelope.ts';
import { startTestServer, type TestServer } from '../testing/start-test-server.ts';

// Whatever arrives, the answer is a 4xx envelope (or a job), never a 500. The key holds no
// credits, so bodies that happen to be valid stop at NO_CREDITS instead of rendering.

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ credits: 0, bodyLimitBytes: 16_384 });
});
afterAll(() => server.close());

describe('bad input fuzz', () => {
  it('submit answers every body and header mix with a 4xx envelope, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(badBody, badHeaders, async (text, headerRecord) => {
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
