import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docAnchor, docUrl, errorCodes } from '@openpixels/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorResponse } from '../testing/expect-error-envelope.ts';
import { startTestServer, type TestServer } from '../testing/start-test-server.ts';

// A built docs site is served at /docs/ and every doc_url points into it. The site here is a
// minimal one with the reference page's headings (the docs workspace tests the real build).

let docsDir: string;
let served: TestServer;
let pointed: TestServer;

beforeAll(async () => {
  docsDir = mkdtempSync(join(tmpdir(), 'openpixels-docs-site-'));
  mkdirSync(join(docsDir, 'reference'));
  writeFileSync(join(docsDir, 'index.html'), '<!doctype html><title>OpenPixels</title><h1>OpenPixels</h1>');
  const headings = errorCodes.map((code) => `<h3 id="${docAnchor(code)}">${code}</h3>`).join('\n');
  writeFileSync(join(docsDir, 'reference', 'errors.html'), `<!doctype html><title>Errors</title>\n${headings}`);
  served = await startTestServer({ docsDir });
  pointed = await startTestServer({ docsUrl: 'https://docs.example.com/openpixels/' });
});
afterAll(async () => {
  await Promise.all([served.close(), pointed.close()]);
  rmSync(docsDir, { recursive: true, force: true });
});

describe('the docs site and doc_url', () => {
  it("points every doc_url at the server's own /docs/ when it serves them, and that page has the code's heading", async () => {
    const envelope = await expectErrorResponse(await served.call('/v2/sumbit'), 'ROUTE_NOT_FOUND');
    expect(envelope.doc_url).toBe(docUrl('ROUTE_NOT_FOUND', `${served.url}/docs/`));
    const page = await fetch(envelope.doc_url ?? '');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain(`id="${docAnchor('ROUTE_NOT_FOUND')}"`);
    const missingKey = await expectErrorResponse(await served.call('/v2/balance', { auth: false }), 'MISSING_API_KEY');
    expect(missingKey.doc_url).toBe(docUrl('MISSING_API_KEY', `${served.url}/docs/`));
  });

  it('serves the site root, and answers a page it does not have with ROUTE_NOT_FOUND', async () => {
    const root = await fetch(`${served.url}/docs/`);
    expect(root.status).toBe(200);
    expect(await root.text()).toContain('<h1>OpenPixels</h1>');
    await expectErrorResponse(await fetch(`${served.url}/docs/nope`), 'ROUTE_NOT_FOUND');
  });

  it('keeps the docs out of the OpenAPI document', async () => {
    const document = (await (await served.call('/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths).filter((path) => path.startsWith('/docs'))).toEqual([]);
  });

  it('uses OPENPIXELS_DOCS_URL as the base when it is set', async () => {
    const envelope = await expectErrorResponse(await pointed.call('/v2/sumbit'), 'ROUTE_NOT_FOUND');
    expect(envelope.doc_url).toBe('https://docs.example.com/openpixels/reference/errors#route-not-found');
  });
});
