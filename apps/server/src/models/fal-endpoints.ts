import type { ModelId } from './model-catalog.ts';

/**
 * fal endpoints the fal-compatible route serves, and the model each one runs. An endpoint id
 * is `owner/alias/variant`; fal's status, result and cancel paths name only `owner/alias`.
 */
export const falEndpoints = {
  'fal-ai/flux/schnell': 'flux-schnell',
  'fal-ai/flux/dev': 'flux-dev',
  'fal-ai/flux-pro/v1.1': 'flux-pro-1.1',
} as const satisfies Record<string, ModelId>;

/** An endpoint id the fal route serves. */
export type FalEndpointId = keyof typeof falEndpoints;

/** Every served endpoint id, in table order. */
export const falEndpointIds = Object.keys(falEndpoints) as FalEndpointId[];

/** The model behind a fal endpoint id, or undefined when the route does not serve it. */
export function modelForFalEndpoint(endpoint: string): ModelId | undefined {
  return Object.hasOwn(falEndpoints, endpoint) ? falEndpoints[endpoint as FalEndpointId] : undefined;
}

/** The fal app (`owner/alias`) a model is reached through: the prefix of its status and result paths. */
export function falAppOf(model: ModelId): string | undefined {
  const endpoint = falEndpointIds.find((id) => falEndpoints[id] === model);
  return endpoint?.split('/').slice(0, 2).join('/');
}
