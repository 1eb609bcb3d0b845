import { parse } from 'node-html-parser';
import { expect, it } from 'vitest';
import { textOf } from './text-of.ts';

it('keeps adjacent cells and list items apart, and decodes entities', () => {
  const html = parse('<table><tr><td>NO_CREDITS</td><td>HTTP &lt;402&gt;</td></tr></table><ul><li>a</li><li>b</li></ul>');
  expect(textOf(html).split(/\s+/).filter(Boolean)).toEqual(['NO_CREDITS', 'HTTP', '<402>', 'a', 'b']);
});
