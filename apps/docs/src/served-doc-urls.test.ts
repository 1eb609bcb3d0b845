import { docAnchor, errorCodes } from '@openpixels/errors';
import { type ErrorTriggerRig, startErrorTriggers } from '@openpixels/server/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectLandedOnHeading } from './expect-landed-on-heading.ts';
import { launchChromium, type OfflineChromium } from './launch-chromium.ts';
import { DIST_DIR } from './site-paths.ts';

// The gateway serves this build at /docs/; every code it can send is triggered for real (the
// server's own trigger table), and the doc_url of that very answer is opened in Chromium.

let rig: ErrorTriggerRig;
let chromium: OfflineChromium;
let page: Page;
const failedRequests: string[] = [];

beforeAll(async () => {
  rig = await startErrorTriggers({ docsDir: DIST_DIR });
  chromium = await launchChromium(new URL(rig.server.url).origin);
  page = await chromium.context.newPage();
  page.on('response', (response) => {
    if (response.status() >= 400) failedRequests.push(`${response.status()} ${response.url()}`);
  });
});
afterAll(async () => {
  await chromium?.close();
  await rig?.close();
});

describe("a real answer's doc_url, opened in Chromium on the gateway that sent it", () => {
  it('leaves out only codes no server sends, each with its reason', () => {
    const unsent = errorCodes.filter((code) => 'neverSent' in rig.triggers[code]);
    expect(unsent).toEqual(['UNKNOWN_ERROR']);
  });

  it.each(errorCodes)('%s', async (code) => {
    const trigger = rig.triggers[code];
    if ('neverSent' in trigger) return;
    const envelope = await trigger(code);
    const docUrl = new URL(envelope.doc_url ?? '');
    // A code that needs a server of its own (a tripped circuit, a drain) points at that
    // server's port, which may be closed by now: every rig server serves the same build, so
    // the same page is opened on the main one.
    expect(docUrl.hostname).toBe('127.0.0.1');
    expect(docUrl.pathname).toBe('/docs/reference/errors');
    expect(docUrl.hash).toBe(`#${docAnchor(code)}`);
    await page.goto('about:blank');
    await page.goto(`${rig.server.url}${docUrl.pathname}${docUrl.hash}`);
    await expectLandedOnHeading(page, code);
  });

  it('serves the icon every page links, where it links it', async () => {
    await page.goto(`${rig.server.url}/docs/`);
    const href = await page.locator('link[rel="icon"]').getAttribute('href');
    expect(href).toBe('/docs/favicon.ico');
    const icon = await fetch(new URL(href ?? '', rig.server.url));
    expect(icon.status).toBe(200);
    expect(new Uint8Array(await icon.arrayBuffer()).subarray(0, 4)).toEqual(new Uint8Array([0, 0, 1, 0]));
  });

  it('loaded every page and asset from the gateway, none missing, nothing from outside', () => {
    expect(failedRequests).toEqual([]);
    expect(chromium.outsideRequests).toEqual([]);
  });
});
