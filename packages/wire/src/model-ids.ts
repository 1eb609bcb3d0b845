/** The canonical ids of the models the gateway serves, cheapest first. */
export const modelIds = ['flux-schnell', 'flux-dev', 'flux-pro-1.1'] as const;

/** A canonical model id. */
export type ModelId = (typeof modelIds)[number];

/**
 * Other names the gateway accepts for a model. `flux-1.1-pro` is the spelling the 0.2.x
 * client's types used, so both names must reach one model.
 */
export const modelAliases = {
  'flux-1.1-pro': 'flux-pro-1.1',
} as const satisfies Record<string, ModelId>;

/** A model name the gateway accepts: a canonical id or an alias. */
export type ModelName = ModelId | keyof typeof modelAliases;

/** The aliases of one model, in no particular order (`[]` for most). */
export function aliasesOf(id: ModelId): string[] {
  return Object.entries(modelAliases)
    .filter(([, target]) => target === id)
    .map(([alias]) => alias);
}

/** Every accepted model name: canonical ids first, then aliases. */
export const modelNames: readonly ModelName[] = [
  ...modelIds,
  ...(Object.keys(modelAliases) as (keyof typeof modelAliases)[]),
];
