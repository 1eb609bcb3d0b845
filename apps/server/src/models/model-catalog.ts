import { type ModelId, modelAliases, modelIds } from '@openpixels/wire';

// The ids are the wire contract's; the rest of the gateway reaches them through its catalog.
export { type ModelId, modelIds };

/**
 * What this gateway knows about each model of the wire contract: price in credits and a
 * description. Keyed by every model id, so a model added to `@openpixels/wire` fails the type
 * check here until it is priced.
 */
export const modelCatalog = {
  'flux-schnell': {
    price: 1,
    description: 'FLUX.1 [schnell]: fastest, for drafts and previews.',
  },
  'flux-dev': {
    price: 3,
    description: 'FLUX.1 [dev]: the quality/speed balance.',
  },
  'flux-pro-1.1': {
    price: 5,
    description: 'FLUX1.1 [pro]: highest quality.',
  },
} as const satisfies Record<ModelId, { price: number; description: string }>;

const byName = new Map<string, ModelId>([...modelIds.map((id) => [id, id] as const), ...Object.entries(modelAliases)]);

/** The canonical id for a model name or alias, or undefined when the name is not served. */
export function resolveModel(name: string): ModelId | undefined {
  return byName.get(name);
}
