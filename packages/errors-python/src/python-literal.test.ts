import { describe, expect, it } from 'vitest';
import { pythonLiteral } from './python-literal.ts';

describe('pythonLiteral', () => {
  it('writes JSON-like values as Python source', () => {
    expect(pythonLiteral({ a: [1, 2.5, 'x'], b: true, c: false, d: null })).toBe(
      '{"a": [1, 2.5, "x"], "b": True, "c": False, "d": None}',
    );
  });

  it('escapes quotes, backslashes and non-ASCII the way Python reads them back', () => {
    expect(pythonLiteral('say "hi" \\ …\n')).toBe('"say \\"hi\\" \\\\ …\\n"');
  });

  it('refuses values Python literals cannot hold', () => {
    expect(() => pythonLiteral(Number.NaN)).toThrow();
    expect(() => pythonLiteral(() => 1)).toThrow();
  });
});
