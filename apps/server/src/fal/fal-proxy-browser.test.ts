import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleBrowserScript } from '../testing/bundle-browser-script.ts';
import { expectErrorEnvelope } from '../testing/expect-error-envelope.ts';
import { type LaunchedChromium, launchChromium } from '../testing/launch-chromium.ts';
import { type ScriptPage, serveScriptPage } from '../testing/serve-script-page.ts';
import { startTestServer, type TestServer } from '../testing/start-test-server.ts';

// fal's proxy convention as a browser app uses it: fal's own client, bundled for the browser
// from the npm package (unmodified), in a page this test serves from another origin, with
// `proxyUrl` pointed at the gateway. Chromium may reach those two origins only; anything else
// it tries (fal's hosts above all) is refused and recorded. Chromium is stopped by its PID.

let gateway: TestServer;
let pageServer: ScriptPage;
let chromium: LaunchedChromium;
let page: Page;
const outsideRequests: string[] = [];

beforeAll(async () => {
  gateway = await startTestServer({ credits: 100, providers: [{ id: 'local', kind: 'local' }] });
  // fal's client from node_modules, as a script that defines `window.fal`.
  pageServer = await serveScriptPage(await bundleBrowserScript(createRequire(import.meta.url).resolve('@fal-ai/client'), 'fal'));
  chromium = await launchChromium();
  const context = await chromium.browser.newContext();
  const allowed = new Set([pageServer.origin, new URL(gateway.url).origin]);
  await context.route(
    (url) => !allowed.has(url.origin),
    (route) => {
      outsideRequests.push(route.request().url());
      return route.abort();
    },
  );
  // Every workspace's tests share two cores: allow slow loads, not failures.
  context.setDefaultTimeout(60_000);
  page = await context.newPage();
  await page.goto(`${pageServer.origin}/`);
}, 120_000);

afterAll(async () => {
  if (chromium) expect(await chromium.close()).toBe(true);
  await pageServer?.close();
  await gateway?.close();
});

/** What the page has that Node's types do not know: the bundled fal client, and the DOM's Image. */
interface PageGlobals {
  fal: typeof import('@fal-ai/client');
  Image: new () => { src: string; decode(): Promise<void>; naturalWidth: number; naturalHeight: number };
}

/** What the page's fal client did: its output, or what it threw (name, status, body). */
type Outcome =
  | { ok: true; requestId: string; image: { url: string; width: number; height: number }; loaded: [number, number] }
  | { ok: false; name: string; status: number; body: Record<string, unknown> };

describe("fal's proxy convention, from a real browser", () => {
  it('subscribe through proxyUrl: the request reaches the gateway, never fal, and the image loads', async () => {
    const outcome: Outcome = await page.evaluate(
      async ({ proxy, key }) => {
        const { createFalClient } = (globalThis as unknown as PageGlobals).fal;
        const fal = createFalClient({ credentials: key, proxyUrl: proxy, suppressLocalCredentialsWarning: true });
        const { data, requestId } = await fal.subscribe('fal-ai/flux/schnell', {
          input: { prompt: 'a paper boat', image_size: 'square' },
          pollInterval: 50,
        });
        const [image] = (data as { images: { url: string; width: number; height: number }[] }).images;
        const img = new (globalThis as unknown as PageGlobals).Image();
        img.src = image?.url ?? '';
        await img.decode();
        return {
          ok: true as const,
          requestId,
          image: image as NonNullable<typeof image>,
          loaded: [img.naturalWidth, img.naturalHeight] as [number, number],
        };
      },
      { proxy: `${gateway.url}/fal/proxy`, key: gateway.key },
    );
    if (!outcome.ok) throw new Error(`the fal client threw: ${JSON.stringify(outcome)}`);
    expect(outcome.requestId).toMatch(/^job_/);
    expect(outcome.image).toMatchObject({ width: 512, height: 512 });
    expect(outcome.image.url.startsWith(gateway.url)).toBe(true);
    expect(outcome.loaded).toEqual([512, 512]);
    expect(outsideRequests).toEqual([]);
  });

  it('a target that is not fal is refused with the envelope, and nothing is fetched from it', async () => {
    const outcome: Outcome = await page.evaluate(
      async ({ proxy, key }) => {
        const { createFalClient } = (globalThis as unknown as PageGlobals).fal;
        const fal = createFalClient({ credentials: key, proxyUrl: proxy, suppressLocalCredentialsWarning: true });
        try {
          // fal's client takes an endpoint that is a URL on a host ending in "fal.run" as the URL
          // to call; through the proxy that URL is the target. This host is not one of fal's.
          await fal.run('https://images.notfal.run/fal-ai/flux/dev', { input: { prompt: 'x' } });
          throw new Error('expected the fal client to throw');
        } catch (error) {
          const { name, status, body } = error as { name: string; status: number; body: Record<string, unknown> };
          return { ok: false as const, name, status, body };
        }
      },
      { proxy: `${gateway.url}/fal/proxy`, key: gateway.key },
    );
    if (outcome.ok) throw new Error('the fal client did not throw');
    expect(outcome).toMatchObject({ name: 'ValidationError', status: 422 });
    const { detail, ...envelope } = outcome.body;
    const checked = expectErrorEnvelope(envelope, 'INVALID_ARGUMENTS', { secrets: [gateway.key] });
    expect(checked.params).toMatchObject({
      issues: [{ path: 'headers.x-fal-target-url', message: expect.stringContaining('images.notfal.run') }],
    });
    expect(detail).toEqual([expect.objectContaining({ loc: ['body', 'headers', 'x-fal-target-url'] })]);
    expect(outsideRequests).toEqual([]);
  });
});
