// Run by `pnpm version-packages` right after `changeset version`: the contract as it is now
// becomes the released one, under the version changesets just gave @openpixels/errors.
import { writeFileSync } from 'node:fs';
import { renderSnapshot, SNAPSHOT_FILE } from './snapshot-file.ts';
import { takeSnapshot } from './take-snapshot.ts';

const snapshot = await takeSnapshot();
writeFileSync(SNAPSHOT_FILE, renderSnapshot(snapshot));
console.log(`release-check: wrote the ${snapshot.package}@${snapshot.version} contract to ${SNAPSHOT_FILE}`);
