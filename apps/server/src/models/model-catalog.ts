/** The models this gateway serves: the canonical id, accepted aliases and the price in credits. */
export const modelCatalog = {
  'flux-schnell': {
    aliases: [],
    price: 1,
    description: 'FLUX.1 [schnell]: fastest, for drafts and previews.',
  },
  'flux-dev': {
    aliases: [],
    price: 3,
    description: 'FLUX.1 [dev]: the quality/speed balance.',
  },
  // The published npm client's types spell it `flux-1.1-pro`; both names reach one model.
  'flux-pro-1.1': {
    aliases: ['flux-1.1-pro'],
    price: 5,
    description: 'FLUX1.1 [pro]: highest quality.',
  },
} as const satisfies Record<string, { aliases: readonly string[]; price: number; description: string }>;

/** A canonical model id. */
export type ModelId = keyof typeof modelCatalog;

/** Canonical ids, in catalog order. */
export const modelIds = Object.keys(modelCatalog) as ModelId[];

const byName = new Map<string, ModelId>();
for (const id of modelIds) {
  byName.set(id, id);
  for (const alias of modelCatalog[id].aliases) byName.set(alias, id);
}

/** The canonical id for a model name or alias, or undefined when the name is not served. */
export function resolveModel(name: string): ModelId | undefined {
  return byName.get(name);
}

/** Every accepted model name: canonical ids first, then aliases. */
export function acceptedModelNames(): string[] {
  return [...modelIds, ...modelIds.flatMap((id) => [...modelCatalog[id].aliases])];
}
