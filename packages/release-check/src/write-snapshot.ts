// Run by `pnpm version-packages` right after `changeset version`: the contract as it is now
// becomes the released one, under the version changesets just gave @openpixels/errors.
import { writeFileSync } from 'node:fs';
import { ERRORS_PACKAGE, errorsVersion } from './errors-package.ts';
import { readContract } from './read-contract.ts';
import { renderSnapshot, SNAPSHOT_FILE } from './snapshot-file.ts';

const snapshot = { package: ERRORS_PACKAGE, version: errorsVersion(), contract: readContract() };
writeFileSync(SNAPSHOT_FILE, renderSnapshot(snapshot));
console.log(`release-check: wrote the ${ERRORS_PACKAGE}@${snapshot.version} contract to ${SNAPSHOT_FILE}`);
