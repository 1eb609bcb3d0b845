/** A changesets bump, or none at all. */
export type Bump = 'major' | 'minor' | 'patch' | 'none';

const RANK: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

/** Orders bumps so they can be compared: none < patch < minor < major. */
export function bumpRank(bump: Bump): number {
  return RANK[bump];
}

/** The larger of the given bumps (`none` for no bumps). */
export function maxBump(bumps: Iterable<Bump>): Bump {
  let max: Bump = 'none';
  for (const bump of bumps) if (RANK[bump] > RANK[max]) max = bump;
  return max;
}
