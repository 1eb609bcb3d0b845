import type { ResolvedOptions } from './resolve-options.ts';

/**
 * This page's origin when a request that got no answer was most likely refused by the gateway's
 * CORS policy, else undefined. A browser reports a CORS refusal exactly as it reports a server
 * it cannot reach (a bare TypeError), so this asks the gateway once more in `no-cors` mode,
 * which needs no permission: if that gets through, the gateway is up and refused the origin.
 */
export async function corsRefusalOrigin(options: ResolvedOptions, signal: AbortSignal): Promise<string | undefined> {
  try {
    // Outside a page there is no location (Deno's getter throws), and on the gateway's own origin CORS plays no part.
    const origin = (globalThis as { location?: { origin?: unknown } }).location?.origin;
    if (typeof origin !== 'string' || origin === new URL(options.baseUrl).origin) return undefined;
    await options.fetch(`${options.baseUrl}/status`, { mode: 'no-cors', signal });
    return origin;
  } catch {
    return undefined;
  }
}
