/**
 * Model names the gateway serves: the wire contract's ids and aliases (`wire-contract.test-d.ts`
 * fails when they differ). `flux-1.1-pro` is the spelling the 0.2.x client's types used; the
 * gateway treats it as `flux-pro-1.1`, the canonical id.
 */
export type KnownModel = 'flux-dev' | 'flux-schnell' | 'flux-pro-1.1' | 'flux-1.1-pro';

/**
 * A model id: one of the known ids (so editors suggest them), or any other string, so a model
 * added on the server works before this package knows its name.
 */
export type ModelId = KnownModel | (string & {});

/** Routing preferences, as on the routing page; each field is optional. */
export interface RoutingPreferences {
  /** The only providers that may serve the job; when none can, the job fails. */
  whitelist?: readonly string[];
  /** Providers to try first; a provider outside the list may still serve the job. */
  ordering?: readonly string[];
  /** How to pick when no ordering applies: by measured reliability (`best`, the default) or uniformly. */
  strategy?: 'best' | 'random';
}

/** One image job. */
export interface RunPayload {
  /** The model to run. */
  model: ModelId;
  /** What to draw. */
  prompt: string;
  /** Width in pixels; the server defaults to 1024. */
  width?: number;
  /** Height in pixels; the server defaults to 1024. */
  height?: number;
  /** Per-job settings. */
  config?: {
    /** Which providers may serve this job, and in what order. */
    routing?: RoutingPreferences;
  };
}
