import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCS_ROOT } from './site-paths.ts';
import { typeCheckFiles } from './type-check-files.ts';

const probe = join(DOCS_ROOT, 'samples', 'probe-in-memory.ts');

describe('typeCheckFiles', () => {
  it('accepts a file that uses the contract as it is', () => {
    const source = "import { hasErrorCode } from '@openpixels/errors';\nexport const isBroke = (e: unknown) => hasErrorCode(e, 'NO_CREDITS');\n";
    expect(typeCheckFiles([], { [probe]: source })).toEqual([]);
  });

  it('reports a misspelt code, as a renamed code would break a sample', () => {
    const source = "import { hasErrorCode } from '@openpixels/errors';\nexport const isBroke = (e: unknown) => hasErrorCode(e, 'NO_CREDIT');\n";
    const problems = typeCheckFiles([], { [probe]: source });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/probe-in-memory\.ts:2: .*"NO_CREDIT"/);
  });

  it('reports an export that does not exist', () => {
    const source = "import { OpenPixelsClient } from 'openpixels';\nexport { OpenPixelsClient };\n";
    expect(typeCheckFiles([], { [probe]: source }).join('\n')).toMatch(/has no exported member .*OpenPixelsClient/);
  });
});
