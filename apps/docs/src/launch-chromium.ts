import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

// Debian's chromium, never a browser downloaded by playwright.
const CHROMIUM = '/usr/bin/chromium';

/** A headless Chromium that may talk to one origin only, and what it tried beyond it. */
export interface OfflineChromium {
  context: BrowserContext;
  /** Every request aimed anywhere but the allowed origin (each was refused). */
  outsideRequests: string[];
  close(): Promise<void>;
}

/**
 * Starts Chromium with a fresh profile where every request outside `origin` is refused and
 * recorded, so a page that works here works offline, served by that one server.
 */
export async function launchChromium(origin: string): Promise<OfflineChromium> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'openpixels-docs-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
  });
  const outsideRequests: string[] = [];
  await context.route(
    (url) => url.origin !== origin,
    (route) => {
      outsideRequests.push(route.request().url());
      return route.abort();
    },
  );
  // CI runs every workspace's tests at once on two cores: allow slow loads, not failures.
  context.setDefaultTimeout(60_000);
  context.setDefaultNavigationTimeout(60_000);
  return {
    context,
    outsideRequests,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
