import { docUrl, errorCodes } from '@openpixels/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ErrorTriggerRig, startErrorTriggers } from '../testing/error-triggers.ts';

// Every code the server can send, each triggered for real by the shared table in
// `testing/error-triggers.ts` (keyed by every catalog code, so a new code cannot go untested).

let rig: ErrorTriggerRig;

beforeAll(async () => {
  rig = await startErrorTriggers();
});
afterAll(async () => {
  await rig.close();
});

describe('every error code the server sends, triggered for real', () => {
  it.each(errorCodes)('%s', async (code) => {
    const trigger = rig.triggers[code];
    if ('neverSent' in trigger) {
      expect(trigger.neverSent.length).toBeGreaterThan(0);
      return;
    }
    const envelope = await trigger(code);
    expect(envelope.code).toBe(code);
    expect(envelope.doc_url).toBe(docUrl(code));
  });
});
