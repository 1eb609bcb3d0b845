import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleBrowserScript } from '../src/testing/bundle-browser-script.ts';
import { type LaunchedChromium, launchChromium } from '../src/testing/launch-chromium.ts';
import { type ScriptPage, serveScriptPage } from '../src/testing/serve-script-page.ts';
import { type ContractServer, startContractServer } from './contract-server.ts';

// The SDK in a real browser page (Debian's Chromium through playwright-core), bundled for the
// browser from the built package, calling a real gateway on another origin. The gateway allows
// one page origin (OPENPIXELS_CORS_ORIGINS); the same page served from a second origin is
// refused by CORS, which the browser reports to the page as a bare TypeError. The client must
// say it is a CORS refusal and which setting allows the origin, without retrying, and must
// still say "could not reach" when the gateway is really down. Chromium is stopped by its PID.

let gateway: ContractServer;
let key: string;
let allowedPage: ScriptPage;
let refusedPage: ScriptPage;
let chromium: LaunchedChromium;
let pages: Page[] = [];

beforeAll(async () => {
  // The built SDK's ESM entry, as a bundler resolves it, as a script that defines `window.openpixels`.
  const entry = join(dirname(createRequire(import.meta.url).resolve('openpixels/package.json')), 'dist', 'index.js');
  const script = await bundleBrowserScript(entry, 'openpixels');
  allowedPage = await serveScriptPage(script);
  refusedPage = await serveScriptPage(script);
  gateway = await startContractServer({ corsOrigins: [allowedPage.origin] });
  key = await gateway.keyWith(100);
  chromium = await launchChromium();
  const context = await chromium.browser.newContext();
  // Every workspace's tests share two cores: allow slow loads, not failures.
  context.setDefaultTimeout(60_000);
  pages = [];
  for (const { origin } of [allowedPage, refusedPage]) {
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    pages.push(page);
  }
}, 120_000);

afterAll(async () => {
  if (chromium) expect(await chromium.close()).toBe(true);
  await allowedPage?.close();
  await refusedPage?.close();
  await gateway?.close();
});

/** What `client.run()` did in the page: its result, or what it threw; and the retries it reported. */
type Outcome =
  | { ok: true; status: string; url: string | undefined; retries: string[] }
  | { ok: false; name: string; network: boolean; message: string; retries: string[] };

/** Runs one job with the SDK inside `page`, against `baseUrl`. */
function runInPage(page: Page, baseUrl: string): Promise<Outcome> {
  return page.evaluate(
    async ({ baseUrl, key }) => {
      const { OpenPixels, isNetworkError } = (globalThis as unknown as { openpixels: typeof import('openpixels') }).openpixels;
      const retries: string[] = [];
      const client = new OpenPixels({ apiKey: key, baseUrl, maxRetries: 2, retryDelay: 10, onRetry: (event) => retries.push(event.request) });
      try {
        const result = await client.run({ model: 'flux-schnell', prompt: 'a paper boat', width: 256, height: 256 });
        return { ok: true as const, status: result.status, url: result.error ? undefined : result.data.url, retries };
      } catch (error) {
        const { name, message } = error as Error;
        return { ok: false as const, name, network: isNetworkError(error), message, retries };
      }
    },
    { baseUrl, key },
  );
}

async function balance(): Promise<number> {
  const answer = await fetch(`${gateway.url}/v2/balance`, { headers: { authorization: `Key ${key}` } });
  return ((await answer.json()) as { balance: number }).balance;
}

describe('the SDK in a browser page, against a gateway on another origin', () => {
  it('from an allowed origin, run() completes', async () => {
    const outcome = await runInPage(pages[0] as Page, gateway.url);
    expect(outcome).toMatchObject({ ok: true, status: 'completed', retries: [] });
  });

  it('from an origin the gateway refuses: a NetworkError that names the CORS refusal, the origin and the setting; no retry, nothing charged', async () => {
    const before = await balance();
    const outcome = await runInPage(pages[1] as Page, gateway.url);
    if (outcome.ok) throw new Error(`run() did not throw: ${JSON.stringify(outcome)}`);
    expect(outcome).toMatchObject({ name: 'NetworkError', network: true, retries: [] });
    expect(outcome.message).toContain('CORS');
    expect(outcome.message).toContain(refusedPage.origin);
    expect(outcome.message).toContain(`OPENPIXELS_CORS_ORIGINS=${refusedPage.origin}`);
    expect(await balance()).toBe(before);
  });

  it('a gateway that is down is still "could not reach", after the retries', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const downUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    const outcome = await runInPage(pages[1] as Page, downUrl);
    if (outcome.ok) throw new Error(`run() did not throw: ${JSON.stringify(outcome)}`);
    expect(outcome).toMatchObject({ name: 'NetworkError', network: true, retries: ['submit', 'submit'] });
    expect(outcome.message).toBe(`Could not reach the OpenPixels gateway at ${downUrl}.`);
  });
});
