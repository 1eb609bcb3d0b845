import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { docAnchor, errorCatalog } from '@openpixels/errors';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltPage, readBuiltPages } from './read-built-pages.ts';
import {
  errorCodesOf,
  listOperations,
  type OpenApiDocument,
  operationAnchor,
  renderHttpApiReference,
} from './render-http-api-reference.ts';
import { DIST_DIR } from './site-paths.ts';

// The HTTP API page is generated from the gateway's committed openapi.json (the server's own
// tests hold that file to the routes). Read back from the built site, it must list every
// operation of the document, and link every error code each answer may carry.

let document: OpenApiDocument;
let page: BuiltPage;

beforeAll(async () => {
  const file = createRequire(import.meta.url).resolve('@openpixels/server/openapi.json');
  document = JSON.parse(await readFile(file, 'utf8')) as OpenApiDocument;
  const found = (await readBuiltPages(DIST_DIR)).find((built) => built.route === 'reference/http-api');
  if (found === undefined) throw new Error('The build has no reference/http-api page.');
  page = found;
});

describe('the HTTP API reference', () => {
  it('has a heading for every operation of openapi.json, and no other', () => {
    const operations = listOperations(document);
    expect(operations.length).toBeGreaterThanOrEqual(10);
    const headings = page.article.querySelectorAll('h3').map((heading) => heading.id);
    expect(headings.sort()).toEqual(operations.map((listed) => listed.anchor).sort());
    for (const { method, path, anchor } of operations) {
      expect(page.article.querySelector(`h3[id="${anchor}"]`)?.textContent).toContain(
        `${method.toUpperCase()} ${path}`,
      );
    }
  });

  it("links every error code of every answer to that code's section of the error reference, beside its status", () => {
    let links = 0;
    for (const { anchor, operation } of listOperations(document)) {
      const table = sectionTables(anchor).at(-1);
      for (const status of Object.keys(operation.responses)) {
        const row = table?.querySelectorAll('tr').find((tr) => tr.querySelector('td')?.textContent === status);
        expect(row, `${anchor} ${status}`).toBeDefined();
        for (const code of errorCodesOf(operation, status)) {
          expect(String(errorCatalog[code as keyof typeof errorCatalog]?.status), `${code} under ${status}`).toBe(
            status,
          );
          const link = row?.querySelector(`a[href$="errors#${docAnchor(code)}"]`);
          expect(link?.textContent, `${anchor} ${status} ${code}`).toBe(code);
          links++;
        }
      }
    }
    expect(links).toBeGreaterThan(50);
  });

  it('lists every field of the submit body, nested routing fields included', () => {
    const fields = sectionTables(operationAnchor('post', '/v2/submit'))
      .flatMap((table) => table.querySelectorAll('td:first-child code'))
      .map((code) => code.textContent);
    expect(fields).toEqual(
      expect.arrayContaining([
        'model',
        'prompt',
        'width',
        'height',
        'config',
        'config.routing',
        'config.routing.whitelist',
        'config.routing.strategy',
      ]),
    );
  });

  it('leaves a code the catalog does not know unlinked rather than pointing nowhere', () => {
    const markdown = renderHttpApiReference(
      {
        info: { title: 't', version: '1' },
        paths: {
          '/x': {
            get: {
              responses: {
                '418': { content: { 'application/json': { examples: { NOT_A_CODE: {}, NO_CREDITS: {} } } } },
              },
            },
          },
        },
      },
      './errors',
    );
    expect(markdown).toContain('| 418 | `NOT_A_CODE`, [`NO_CREDITS`](./errors#no-credits) |');
  });
});

/** The tables between an operation's heading and the next heading. */
function sectionTables(anchor: string) {
  const heading = page.article.querySelector(`h3[id="${anchor}"]`);
  const tables = [];
  for (let node = heading?.nextElementSibling; node && !/^H[23]$/.test(node.tagName); node = node.nextElementSibling) {
    if (node.tagName === 'TABLE') tables.push(node);
    tables.push(...node.querySelectorAll('table'));
  }
  return tables;
}
