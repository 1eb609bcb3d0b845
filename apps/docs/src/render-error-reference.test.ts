import { createRequire } from 'node:module';
import { docAnchor, errorActions, errorCatalog, errorCodes, errorTypeNames } from '@openpixels/errors';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { JsonSchemaNode } from './json-schema-node.ts';
import { renderErrorReference } from './render-error-reference.ts';
import { typeHeading } from './type-heading.ts';

const schema = createRequire(import.meta.url)('@openpixels/errors/schema.json') as JsonSchemaNode;
const page = renderErrorReference(schema);
const validate = new Ajv({ strict: false }).compile(schema);

// Each `### CODE … {#anchor}` heading with the Markdown up to the next heading of level 3 or more.
const sections = new Map(
  [...page.matchAll(/^### (\w+)[^\n]*\{#([\w-]+)\}\n([\s\S]*?)(?=^#{2,3} |(?![\s\S]))/gm)].map(([, code, anchor, body]) => [
    code,
    { anchor, body: body ?? '' },
  ]),
);

describe('renderErrorReference', () => {
  it('has one section per catalog code, in catalog order within each type, and nothing else', () => {
    expect([...sections.keys()].sort()).toEqual([...errorCodes].sort());
  });

  it.each(errorCodes)('anchors %s at docAnchor(code)', (code) => {
    expect(sections.get(code)?.anchor).toBe(docAnchor(code));
  });

  it.each(errorCodes)('shows a body for %s that validates against the JSON Schema', (code) => {
    const json = /```json\n([\s\S]*?)\n```/.exec(sections.get(code)?.body ?? '')?.[1];
    const body: unknown = JSON.parse(json ?? 'null');
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    expect(body).toMatchObject({ code, type: errorCatalog[code].type, params: errorCatalog[code].exampleParams });
  });

  it('gives each of the six types a section whose anchor no code uses', () => {
    const codeAnchors = new Set(errorCodes.map(docAnchor));
    for (const type of errorTypeNames) {
      const { anchor } = typeHeading(type);
      expect(page).toContain(`{#${anchor}}`);
      expect(codeAnchors.has(anchor)).toBe(false);
    }
  });

  it('marks the codes that the original public page lacked, and only those', () => {
    for (const code of errorCodes) {
      const heading = page.split('\n').find((line) => line.startsWith(`### ${code} `)) ?? '';
      expect(heading.includes('<Badge'), code).toBe(errorCatalog[code].addition);
    }
  });

  it("shows each code's what-to-do line under its heading, and the retry hint where there is one", () => {
    for (const code of errorCodes) {
      const section = page.split(`### ${code} `)[1]?.split('\n### ')[0] ?? '';
      expect(section, code).toContain(`**What to do:** ${errorActions[code]}`);
      expect(section.includes('**Retry hint:**'), code).toBe(errorCatalog[code].retryHint);
    }
  });

  it('never splits a sentence across paragraphs', () => {
    const paragraphs = page.split(/\n{2,}/).filter((block) => /^[a-z]/.test(block));
    expect(paragraphs).toEqual([]);
  });

  it('links only to anchors the page defines', () => {
    const defined = new Set([...page.matchAll(/\{#([\w-]+)\}/g)].map(([, anchor]) => anchor));
    const linked = [...page.matchAll(/\]\(#([\w-]+)\)/g)].map(([, anchor]) => anchor);
    expect(linked.length).toBeGreaterThan(errorCodes.length);
    expect(linked.filter((anchor) => !defined.has(anchor ?? ''))).toEqual([]);
  });
});
