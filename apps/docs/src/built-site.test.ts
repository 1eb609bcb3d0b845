import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, posix } from 'node:path';
import { docAnchor, docUrl, ERROR_REFERENCE_URL, errorCatalog, errorCodes } from '@openpixels/errors';
import type { HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleEnvelope } from './example-envelope.ts';
import { findUnknownCodeNames } from './find-unknown-code-names.ts';
import { type BuiltPage, readBuiltPages } from './read-built-pages.ts';
import { SCHEMA_DOWNLOAD_PATH } from './schema-download-path.ts';
import { SITE_BASE } from './site-base.ts';
import { DIST_DIR } from './site-paths.ts';
import { textOf } from './text-of.ts';

// These tests read the site that `pnpm build` wrote (the test script builds it first).
let pages: BuiltPage[];
let errorPage: BuiltPage;

beforeAll(async () => {
  pages = await readBuiltPages(DIST_DIR);
  const found = pages.find((page) => page.route === 'reference/errors');
  if (found === undefined) throw new Error('The build has no reference/errors page.');
  errorPage = found;
});

describe('the built error reference', () => {
  it('is where the errors package says it is', () => {
    expect(new URL(ERROR_REFERENCE_URL).pathname).toBe(`${SITE_BASE}${errorPage.route}`);
  });

  it.each(errorCodes)('has a heading for %s at its docUrl anchor', (code) => {
    const heading = errorPage.article.querySelector(`h3[id="${docAnchor(code)}"]`);
    expect(heading?.textContent).toContain(code);
    expect(new URL(docUrl(code)).hash).toBe(`#${heading?.id}`);
  });

  it('gives every code its catalog status and an example body equal to the package constructor', () => {
    for (const code of errorCodes) {
      const section = sectionAfter(errorPage.article, docAnchor(code));
      const words = section.map(textOf).join(' ').replaceAll(/\s+/g, ' ');
      expect(words, code).toContain(`HTTP status: ${errorCatalog[code].status}`);
      const examples = section.flatMap((element) => element.querySelectorAll('pre'));
      expect(examples, code).toHaveLength(1);
      expect(JSON.parse(examples[0]?.textContent ?? ''), code).toEqual(exampleEnvelope(code));
    }
  });

  it('has no id twice, so no code anchor can shadow another', () => {
    const ids = errorPage.article.querySelectorAll('[id]').map((element) => element.id);
    expect(ids.length).toBeGreaterThan(errorCodes.length);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('every built page', () => {
  it('names only codes and types the catalog has', () => {
    const unknown = pages.flatMap((page) => findUnknownCodeNames(page.text).map((word) => `${page.route}: ${word}`));
    expect(unknown).toEqual([]);
  });

  it('links only to anchors that exist', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      for (const link of page.article.querySelectorAll('a[href*="#"]')) {
        const href = link.getAttribute('href') ?? '';
        if (/^[a-z]+:/.test(href)) continue;
        const target = resolveRoute(page.route, href);
        const targetPage = pages.find((candidate) => candidate.route === target.route);
        checked += 1;
        if (targetPage === undefined || !targetPage.ids.has(target.anchor)) broken.push(`${page.route}: ${href}`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(errorCodes.length * 2);
  });
});

describe('the downloadable JSON Schema', () => {
  it('is the errors package schema, byte for byte, linked from the error reference', async () => {
    const served = await readFile(join(DIST_DIR, SCHEMA_DOWNLOAD_PATH), 'utf8');
    const packaged = await readFile(createRequire(import.meta.url).resolve('@openpixels/errors/schema.json'), 'utf8');
    expect(served).toBe(packaged);
    const hrefs = errorPage.article.querySelectorAll('a').map((link) => link.getAttribute('href'));
    expect(hrefs).toContain(posix.join(SITE_BASE, SCHEMA_DOWNLOAD_PATH));
  });
});

// The elements from the heading with this id up to the next heading of the same level or higher.
function sectionAfter(article: HTMLElement, id: string): HTMLElement[] {
  const heading = article.querySelector(`[id="${id}"]`);
  if (heading === null) return [];
  const level = Number(heading.tagName.slice(1));
  const section = [heading];
  for (let node = heading.nextElementSibling; node !== null; node = node.nextElementSibling) {
    if (/^H[1-6]$/.test(node.tagName) && Number(node.tagName.slice(1)) <= level) break;
    section.push(node);
  }
  return section;
}

// Resolves a link of a page to the route and anchor it points at.
function resolveRoute(fromRoute: string, href: string): { route: string; anchor: string } {
  const [path = '', anchor = ''] = href.split('#');
  if (path === '') return { route: fromRoute, anchor };
  const absolute = path.startsWith('/') ? path : posix.join(SITE_BASE, posix.dirname(fromRoute), path);
  const route = absolute.slice(SITE_BASE.length).replace(/\.html$/, '') || 'index';
  return { route: route.endsWith('/') ? `${route}index` : route, anchor };
}
