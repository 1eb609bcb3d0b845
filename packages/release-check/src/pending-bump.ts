import { readChangesets } from '@changesets/read';
import { type Bump, maxBump } from './bump.ts';

/** The bump the pending changesets give one package, and which changeset files ask for it. */
export interface PendingBump {
  bump: Bump;
  changesets: string[];
}

/**
 * Reads the pending `.changeset/*.md` files under `rootDir` (with changesets' own reader) and
 * returns the largest bump they give `packageName`, as `changeset version` would apply it.
 */
export async function pendingBump(rootDir: string, packageName: string): Promise<PendingBump> {
  const changesets = await readChangesets(rootDir);
  const naming = changesets.flatMap((changeset) =>
    changeset.releases
      .filter((release) => release.name === packageName)
      .map((release) => ({ id: changeset.id, bump: release.type as Bump })),
  );
  return {
    bump: maxBump(naming.map((release) => release.bump)),
    changesets: naming.map((release) => `.changeset/${release.id}.md (${release.bump})`),
  };
}
