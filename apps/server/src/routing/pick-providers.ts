import { createError } from '@openpixels/errors';
import type { RoutingPreferences } from './routing-preferences.ts';
import type { ModelId } from '../models/model-catalog.ts';
import type { ProviderAdapter } from '../providers/provider-adapter.ts';
import type { ProviderHealth } from './provider-health.ts';

/** Throws PROVIDER_NOT_FOUND when the routing names a provider this server does not run. */
export function checkRoutingProviders(routing: RoutingPreferences, providers: readonly ProviderAdapter[]): void {
  const known = providers.map((p) => p.id);
  for (const name of [...(routing.whitelist ?? []), ...(routing.ordering ?? [])]) {
    if (!known.includes(name))
      throw createError('PROVIDER_NOT_FOUND', {
        provider: name,
        available: known,
      });
  }
}

/** True when the job names exactly one provider: it is tried alone and its own error is returned. */
export function isPinned(routing: RoutingPreferences): boolean {
  return routing.whitelist?.length === 1;
}

/**
 * The providers to try for a job, best first (see the routing section of the README):
 * - only providers serving the model, and only whitelisted ones when there is a whitelist;
 * - providers in `ordering` first, in that order, unless their circuit is open, in which
 *   case they drop to the very end (tried only if everything else fails too);
 * - the rest by `strategy`: `best` sorts by expected time to a success (mean latency divided
 *   by smoothed success rate), keeping the configured order when nothing is measured yet;
 *   `random` shuffles uniformly.
 */
export function pickProviders(
  model: ModelId,
  routing: RoutingPreferences,
  providers: readonly ProviderAdapter[],
  health: ProviderHealth,
  random: () => number = Math.random,
): string[] {
  const serving = providers
    .filter((p) => p.models.includes(model))
    .map((p) => p.id)
    .filter((id) => !routing.whitelist || routing.whitelist.includes(id));

  const preferred = (routing.ordering ?? []).filter((id) => serving.includes(id));
  const rest = serving.filter((id) => !preferred.includes(id));
  const ranked = routing.strategy === 'random' ? shuffle(rest, random) : rankByExpectedTime(rest, model, health);

  // Healthy first, in preference order; providers with an open circuit go last.
  const ordered = [...preferred, ...ranked];
  const healthy = ordered.filter((id) => health.breaker(id).state !== 'open');
  return [...healthy, ...ordered.filter((id) => !healthy.includes(id))];
}

function rankByExpectedTime(ids: string[], model: string, health: ProviderHealth): string[] {
  const measured = ids.map((id) => health.stats(id, model)).filter((s) => s.latencyMs !== null);
  if (measured.length === 0) return ids;
  // Providers not measured yet are assumed as fast as the median measured one, so a newly
  // added provider gets traffic instead of being starved.
  const latencies = measured.map((s) => s.latencyMs as number).sort((a, b) => a - b);
  const median = latencies[Math.floor(latencies.length / 2)] as number;
  const cost = (id: string) => {
    const s = health.stats(id, model);
    const successRate = (s.successes + 1) / (s.successes + s.failures + 2);
    return (s.latencyMs ?? median) / successRate;
  };
  return ids
    .map((id, index) => ({ id, index, cost: cost(id) }))
    .sort((a, b) => a.cost - b.cost || a.index - b.index)
    .map((entry) => entry.id);
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
