import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from './escape-markdown.ts';

describe('escapeMarkdown', () => {
  it('escapes pipes everywhere, since a table cell ends at any unescaped pipe', () => {
    expect(escapeMarkdown('a | b and `x | y`')).toBe('a \\| b and `x \\| y`');
  });

  it('keeps HTML and Vue interpolation out of prose but leaves code spans as written', () => {
    expect(escapeMarkdown('send <key> as {{ key }} or `Key <key>`')).toBe('send &lt;key> as &#123;&#123; key }} or `Key <key>`');
  });

  it('keeps a multi-line description on one table row', () => {
    expect(escapeMarkdown('first\nsecond')).toBe('first second');
  });
});
