/** The cap on V8's young generation the gateway starts with, MB per semi-space. */
export const SEMI_SPACE_MB = 8;

/**
 * The node flags to start with so that V8's young generation stays small: uncapped, one client at
 * a time grew it from 16 to 128 MB within 3 s (V8 grows it while the in-flight jobs survive its
 * scavenges), which is most of what a burst seemed to keep; capped at 8 MB per semi-space the
 * heap stayed under 70 MB under the same traffic, for 3-15% more CPU per image at 64 clients on
 * SQLite (8% on PostgreSQL) and none measurable at one. A cap the operator gave (command line or NODE_OPTIONS) is theirs.
 */
export function youngGenerationFlags(execArgv: readonly string[], nodeOptions: string | undefined): string[] {
  const given = [...execArgv, ...(nodeOptions ?? '').split(/\s+/)];
  if (given.some((flag) => /^--max[-_]semi[-_]space[-_]size(=|$)/.test(flag))) return [];
  return [`--max-semi-space-size=${SEMI_SPACE_MB}`];
}
