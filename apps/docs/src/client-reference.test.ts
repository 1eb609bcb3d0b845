import type { HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportedTypeProperties } from './exported-type-properties.ts';
import { readBuiltPages } from './read-built-pages.ts';
import { DIST_DIR } from './site-paths.ts';

// The client reference's tables are written by hand; these tests hold them to the SDK's types.
let article: HTMLElement;

beforeAll(async () => {
  const page = (await readBuiltPages(DIST_DIR)).find((candidate) => candidate.route === 'reference/client');
  if (page === undefined) throw new Error('The build has no reference/client page.');
  article = page.article;
});

// The first-column names of the first table under a heading whose first column is titled `header`.
function documentedNames(sectionId: string, header: string): string[] {
  const heading = article.querySelector(`[id="${sectionId}"]`);
  for (let node = heading?.nextElementSibling; node; node = node.nextElementSibling) {
    if (/^H[12]$/.test(node.tagName)) break;
    const table = node.tagName === 'TABLE' ? node : null;
    if (table?.querySelector('th')?.textContent.trim() !== header) continue;
    // `config.routing` documents the `config` property.
    return table.querySelectorAll('tbody tr td:first-child').map((cell) => cell.textContent.trim().split('.')[0] ?? '');
  }
  throw new Error(`No "${header}" table under #${sectionId}.`);
}

describe('the client reference', () => {
  it('documents exactly the constructor options the SDK has', () => {
    expect(documentedNames('constructor', 'Option').sort()).toEqual(exportedTypeProperties('openpixels', 'OpenPixelsOptions').sort());
  });

  it('documents exactly the payload fields the SDK has', () => {
    expect(documentedNames('run', 'Payload field').sort()).toEqual(exportedTypeProperties('openpixels', 'RunPayload').sort());
  });

  it('documents exactly the per-call options the SDK has', () => {
    expect(documentedNames('run', 'Option').sort()).toEqual(exportedTypeProperties('openpixels', 'RunOptions').sort());
  });
});
