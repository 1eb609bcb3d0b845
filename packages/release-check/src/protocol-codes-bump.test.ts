import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ErrorCode, errorCatalog } from '@openpixels/errors';
import { afterAll, describe, expect, it } from 'vitest';
import { checkReleaseBump } from './check-release-bump.ts';
import { classifyContractChange } from './classify-contract-change.ts';
import type { Contract } from './contract.ts';
import { ERRORS_PACKAGE } from './errors-package.ts';
import { readContract } from './read-contract.ts';

// The codes for refusals the HTTP protocol itself makes (no route, wrong method, body too
// large, not JSON, headers too large). They were added to the catalog as one change; the
// guard must call that change minor and refuse a patch changeset for it. `satisfies` makes a
// rename fail to compile here instead of failing a test with a confusing message.
const PROTOCOL_CODES = [
  'ROUTE_NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'HEADERS_TOO_LARGE',
] as const satisfies readonly ErrorCode[];

const current = await readContract();
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** The current contract as it was before the protocol codes: the release clients already have. */
function withoutProtocolCodes(): Contract {
  const before = structuredClone(current);
  for (const code of PROTOCOL_CODES) delete before.codes[code];
  return before;
}

/** A scratch repository root whose only pending changeset gives @openpixels/errors `bump`. */
function repoWithChangeset(bump: 'patch' | 'minor'): string {
  const root = mkdtempSync(join(tmpdir(), 'protocol-codes-'));
  roots.push(root);
  mkdirSync(join(root, '.changeset'));
  writeFileSync(join(root, '.changeset', 'config.json'), '{}\n');
  writeFileSync(
    join(root, '.changeset', 'protocol-codes.md'),
    `---\n"${ERRORS_PACKAGE}": ${bump}\n---\n\nCodes for protocol refusals.\n`,
  );
  return root;
}

describe('the protocol codes as a release', () => {
  it('are additions under BAD_REQUEST_ERROR in the current contract', () => {
    for (const code of PROTOCOL_CODES) {
      expect(current.codes[code], code).toMatchObject({ type: 'BAD_REQUEST_ERROR', status: errorCatalog[code].status });
      expect(errorCatalog[code].addition, code).toBe(true);
    }
  });

  it('are classified as a minor change, one new code each and nothing else', () => {
    const verdict = classifyContractChange(withoutProtocolCodes(), current);
    expect(verdict.bump).toBe('minor');
    expect([...verdict.reasons].sort()).toEqual(PROTOCOL_CODES.map((code) => `minor: new code ${code}`).sort());
  });

  it('pass the guard with a minor changeset', async () => {
    const check = await checkReleaseBump(repoWithChangeset('minor'), ERRORS_PACKAGE, withoutProtocolCodes(), current);
    expect(check, check.message).toMatchObject({ ok: true, required: 'minor', pending: 'minor' });
  });

  it('are refused with a patch changeset, naming every new code', async () => {
    const check = await checkReleaseBump(repoWithChangeset('patch'), ERRORS_PACKAGE, withoutProtocolCodes(), current);
    expect(check).toMatchObject({ ok: false, required: 'minor', pending: 'patch' });
    expect(check.message).toContain('needs a minor bump but the pending changesets give patch');
    for (const code of PROTOCOL_CODES) expect(check.message).toContain(`minor: new code ${code}`);
  });
});
