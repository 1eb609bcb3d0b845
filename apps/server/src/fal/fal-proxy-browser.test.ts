import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { type Browser, type BrowserServer, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorEnvelope } from '../testing/expect-error-envelope.ts';
import { startTestServer, type TestServer } from '../testing/start-test-server.ts';
import { isAlive } from '../testing/is-alive.ts';

// fal's proxy convention as a browser app uses it: fal's own client, bundled for the browser
// from the npm package (unmodified), in a page this test serves from another origin, with
// `proxyUrl` pointed at the gateway. Chromium may reach those two origins only; anything else
// it tries (fal's hosts above all) is refused and recorded. Chromium is stopped by its PID.

// Debian's chromium, never a browser downloaded by playwright.
const CHROMIUM = '/usr/bin/chromium';

let gateway: TestServer;
let pageServer: Server;
let pageOrigin: string;
let browserServer: BrowserServer;
let browser: Browser;
let page: Page;
const outsideRequests: string[] = [];

/** fal's client from node_modules, bundled as a script that defines `window.fal`. */
async function bundleFalClient(): Promise<string> {
  const entry = createRequire(import.meta.url).resolve('@fal-ai/client');
  const built = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: false, lib: { entry, formats: ['iife'], name: 'fal', fileName: () => 'fal.js' } },
  });
  const [output] = Array.isArray(built) ? built : [built];
  const chunk = (output as { output: { type: string; code?: string }[] }).output.find((c) => c.type === 'chunk');
  if (!chunk?.code) throw new Error('vite produced no bundle of @fal-ai/client');
  return chunk.code;
}

beforeAll(async () => {
  gateway = await startTestServer({ credits: 100, providers: [{ id: 'local', kind: 'local' }] });
  const script = await bundleFalClient();
  pageServer = createServer((request, response) => {
    if (request.url === '/fal.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
    } else if (request.url === '/') {
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<!doctype html><title>a fal app</title><script src="/fal.js"></script>');
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
  pageOrigin = `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}`;

  browserServer = await chromium.launchServer({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  browser = await chromium.connect(browserServer.wsEndpoint());
  const context = await browser.newContext();
  const allowed = new Set([pageOrigin, new URL(gateway.url).origin]);
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
  await page.goto(`${pageOrigin}/`);
}, 120_000);

afterAll(async () => {
  const pid = browserServer?.process().pid;
  await browser?.close();
  await browserServer?.close();
  if (pid !== undefined && isAlive(pid)) process.kill(pid, 'SIGKILL');
  expect(pid !== undefined && isAlive(pid)).toBe(false);
  await new Promise((resolve) => pageServer?.close(resolve));
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
