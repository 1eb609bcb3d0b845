import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { docAnchor, docUrl, errorCodes } from '@openpixels/errors';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectLandedOnHeading } from './expect-landed-on-heading.ts';
import { launchChromium, type OfflineChromium } from './launch-chromium.ts';
import { readBuiltPages } from './read-built-pages.ts';
import { SCHEMA_DOWNLOAD_PATH } from './schema-download-path.ts';
import { type SiteServer, serveSite } from './serve-site.ts';
import { DIST_DIR, DOCS_ROOT } from './site-paths.ts';

const SCREENSHOT = join(DOCS_ROOT, 'test-results', 'error-reference.png');

let site: SiteServer;
let chromium: OfflineChromium;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  site = await serveSite(DIST_DIR, '/docs/');
  chromium = await launchChromium(new URL(site.url).origin);
  page = await chromium.context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
});

afterAll(async () => {
  await chromium?.close();
  await site?.close();
});

// The local address of a public docs URL: same path and hash, served by the test's server.
function local(publicUrl: string): string {
  const { pathname, hash } = new URL(publicUrl);
  return new URL(`${pathname}${hash}`, site.url).href;
}

describe('the built site in Chromium', () => {
  it('shows every code on the error reference, and looks right', async () => {
    await page.goto(local(docUrl(errorCodes[0] ?? '')).replace(/#.*/, ''));
    for (const code of errorCodes) {
      const heading = page.locator(`h3#${docAnchor(code)}`);
      await heading.scrollIntoViewIfNeeded();
      expect(await heading.isVisible(), code).toBe(true);
      expect(await heading.textContent(), code).toContain(code);
    }
    await page.goto(local(docUrl('NO_CREDITS')));
    await page.locator('h3#no-credits').waitFor();
    // The outline marks the code the reader landed on.
    await page.locator('.VPDocAsideOutline a.active[href="#no-credits"]').waitFor();
    // Let the outline's marker finish its move before the screenshot.
    await page.waitForTimeout(500);
    await mkdir(join(DOCS_ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
  });

  it.each(errorCodes)("scrolls a fresh visit of %s's doc_url to its heading", async (code) => {
    await page.goto('about:blank');
    await page.goto(local(docUrl(code)));
    await expectLandedOnHeading(page, code);
  });

  it('finds every code with the search box', async () => {
    await page.goto(site.url);
    await page.locator('.DocSearch-Button').click();
    const input = page.locator('#localsearch-input');
    for (const code of errorCodes) {
      await input.fill(code);
      const hit = page.locator(`.results a.result[href$="reference/errors#${docAnchor(code)}"]`);
      await hit.first().waitFor();
      expect(await hit.count(), code).toBeGreaterThan(0);
    }
    await input.fill(errorCodes[1] ?? '');
    await page.locator(`.results a.result[href$="#${docAnchor(errorCodes[1] ?? '')}"]`).first().click();
    await page.waitForURL(`**/reference/errors#${docAnchor(errorCodes[1] ?? '')}`);
  });

  it('serves the JSON Schema from the link on the error reference', async () => {
    await page.goto(new URL('reference/errors', site.url).href);
    const link = page.locator(`a[href$="${SCHEMA_DOWNLOAD_PATH}"]`).first();
    const href = await link.getAttribute('href');
    const response = await page.request.get(new URL(href ?? '', site.url).href);
    expect(response.status()).toBe(200);
    const packaged = createRequire(import.meta.url)('@openpixels/errors/schema.json') as unknown;
    expect((await response.json()) as unknown).toEqual(packaged);
  });

  it('shows every code sample whole, without a horizontal scrollbar', async () => {
    const routes = (await readBuiltPages(DIST_DIR)).map((page) => page.route.replace(/(^|\/)index$/, ''));
    const clipped: string[] = [];
    for (const route of routes) {
      await page.goto(new URL(route, site.url).href);
      const wide = await page.$$eval('.vp-doc div:is(.language-ts, .language-py, .language-sh, .language-go, .language-rust) pre', (blocks) =>
        blocks.filter((pre) => pre.scrollWidth > pre.clientWidth).map((pre) => pre.textContent?.split('\n')[0]),
      );
      clipped.push(...wide.map((firstLine) => `${route}: ${firstLine}`));
    }
    expect(routes.length).toBeGreaterThanOrEqual(7);
    expect(clipped).toEqual([]);
  });

  it('logged no console error and asked nothing of the outside network', () => {
    expect(consoleErrors).toEqual([]);
    expect(chromium.outsideRequests).toEqual([]);
  });
});
