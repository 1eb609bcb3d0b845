import { checkCommittedSchema } from './check-committed-schema.ts';
import { checkReleaseBump } from './check-release-bump.ts';
import { ERRORS_PACKAGE, errorsVersion } from './errors-package.ts';
import { loadErrorsSource } from './errors-source.ts';
import { readContract } from './read-contract.ts';
import { releasedContract } from './released-contract.ts';
import { readSnapshot } from './snapshot-file.ts';

/** The release guard's verdict on the repository: every finding, and whether publishing may go on. */
export interface ReleaseGuardVerdict {
  ok: boolean;
  message: string;
}

/**
 * The whole taxonomy-break guard on the repository at `rootDir`: the snapshot names the version
 * @openpixels/errors is at, the committed schema is what the source generates, and the pending
 * changesets bump @openpixels/errors as much as its source changed the released contract.
 */
export async function guardRelease(rootDir: string): Promise<ReleaseGuardVerdict> {
  const snapshot = readSnapshot();
  const findings: { ok: boolean; message: string }[] = [];
  const version = errorsVersion();
  findings.push({
    ok: snapshot.package === ERRORS_PACKAGE && snapshot.version === version,
    message:
      snapshot.version === version
        ? `The contract snapshot is of ${ERRORS_PACKAGE}@${version}.`
        : `The contract snapshot is of ${snapshot.version} but ${ERRORS_PACKAGE} is at ${version}: version with \`pnpm version-packages\`.`,
  });
  findings.push(checkCommittedSchema(await loadErrorsSource()));
  findings.push(await checkReleaseBump(rootDir, ERRORS_PACKAGE, releasedContract(snapshot), await readContract()));
  return {
    ok: findings.every((finding) => finding.ok),
    message: findings.map((finding) => `${finding.ok ? 'ok' : 'REFUSED'}: ${finding.message}`).join('\n\n'),
  };
}
