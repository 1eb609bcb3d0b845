import type { ProviderAdapter } from '../providers/provider-adapter.ts';

/** The provider credentials an API key holds, by provider kind (opened). */
export type HeldCredentials = { fal?: string; replicate?: string };

/** Those of `candidates` (in their order) that the key's own credentials can make a job on: the ones of a kind it holds a credential for. */
export function ownCredentialProviders(
  candidates: readonly string[],
  credentials: HeldCredentials,
  kindOf: (id: string) => ProviderAdapter['kind'],
): string[] {
  return candidates.filter((id) => {
    const kind = kindOf(id);
    return kind !== undefined && credentials[kind] !== undefined;
  });
}

/** How every `notChargedNote` begins, so ledger audits can find those lines without knowing the kinds. */
export const NOT_CHARGED_NOTE_PREFIX = "made with this key's own ";

/** The ledger's reason for a job made with the key's own credential of these kinds (one line, never the credential). */
export function notChargedNote(kinds: readonly string[]): string {
  return `${NOT_CHARGED_NOTE_PREFIX}${[...new Set(kinds)].join(' or ')} credential: not charged`;
}
