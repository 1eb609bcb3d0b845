import { describe, expect, it } from 'vitest';
import type { ModelId } from '../models/model-catalog.ts';
import type { ProviderAdapter } from '../providers/provider-adapter.ts';
import { checkRoutingProviders, isPinned, pickProviders } from './pick-providers.ts';
import { ProviderHealth } from './provider-health.ts';

const adapter = (id: string, models: ModelId[] = ['flux-dev', 'flux-schnell']): ProviderAdapter => ({
  id,
  models,
  generate: () => Promise.reject(new Error('not called')),
});
const providers = [adapter('a'), adapter('b'), adapter('c', ['flux-schnell'])];
const healthy = () => new ProviderHealth(['a', 'b', 'c'], { failureThreshold: 1, cooldownMs: 60_000 });

describe('pickProviders', () => {
  it('keeps the configured order by default, and only providers serving the model', () => {
    expect(pickProviders('flux-dev', { strategy: 'best' }, providers, healthy())).toEqual(['a', 'b']);
    expect(pickProviders('flux-schnell', { strategy: 'best' }, providers, healthy())).toEqual(['a', 'b', 'c']);
  });

  it('whitelist is exclusive; a whitelist of one pins', () => {
    expect(pickProviders('flux-schnell', { strategy: 'best', whitelist: ['c', 'b'] }, providers, healthy())).toEqual([
      'b',
      'c',
    ]);
    expect(pickProviders('flux-dev', { strategy: 'best', whitelist: ['c'] }, providers, healthy())).toEqual([]);
    expect(isPinned({ strategy: 'best', whitelist: ['c'] })).toBe(true);
    expect(isPinned({ strategy: 'best', ordering: ['c'] })).toBe(false);
  });

  it('ordering goes first, but an open circuit drops to the end', () => {
    const health = healthy();
    expect(pickProviders('flux-schnell', { strategy: 'best', ordering: ['c', 'b'] }, providers, health)).toEqual([
      'c',
      'b',
      'a',
    ]);
    health.record('c', 'flux-schnell', 'failure', 10);
    expect(pickProviders('flux-schnell', { strategy: 'best', ordering: ['c', 'b'] }, providers, health)).toEqual([
      'b',
      'a',
      'c',
    ]);
  });

  it('best prefers the provider with the lower expected time to a success', () => {
    const health = new ProviderHealth(['a', 'b'], { failureThreshold: 100, cooldownMs: 1 });
    for (let i = 0; i < 5; i++) health.record('a', 'flux-dev', 'success', 900);
    for (let i = 0; i < 5; i++) health.record('b', 'flux-dev', 'success', 300);
    expect(pickProviders('flux-dev', { strategy: 'best' }, providers, health)).toEqual(['b', 'a']);
    for (let i = 0; i < 20; i++) health.record('b', 'flux-dev', 'failure', 50);
    expect(pickProviders('flux-dev', { strategy: 'best' }, providers, health)).toEqual(['a', 'b']);
  });

  it('random shuffles with the given source of randomness', () => {
    const picks = new Set<string>();
    for (const value of [0, 0.5, 0.99]) {
      picks.add(pickProviders('flux-schnell', { strategy: 'random' }, providers, healthy(), () => value).join());
    }
    expect(picks.size).toBeGreaterThan(1);
  });
});

describe('checkRoutingProviders', () => {
  it('throws PROVIDER_NOT_FOUND for a name outside the known set', () => {
    expect(() => checkRoutingProviders({ strategy: 'best', whitelist: ['a', 'zzz'] }, providers)).toThrow(
      expect.objectContaining({ code: 'PROVIDER_NOT_FOUND', params: { provider: 'zzz', available: ['a', 'b', 'c'] } }),
    );
  });
});
