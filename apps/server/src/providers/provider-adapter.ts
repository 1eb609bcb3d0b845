import { type ModelId, resolveModel } from '../models/model-catalog.ts';

/** A job a provider accepted: enough to poll it again from another process, without resubmitting. */
export interface UpstreamJob {
  provider: string;
  /** The provider's own id (fal `request_id`, Replicate prediction id). */
  id: string;
  /** The URLs the provider gave for it (status, result, cancel), when it gave them. */
  urls?: Record<string, string>;
}

/** Why an attempt was stopped when the job must stay alive upstream (shutdown): adapters then do not cancel it. */
export const KEEP_UPSTREAM = Symbol('keep upstream job');

/** One image to make, as an adapter receives it. */
export interface GenerateRequest {
  jobId: string;
  model: ModelId;
  prompt: string;
  width: number;
  height: number;
  /** Poll this job the provider already accepted instead of submitting a new one. */
  resume?: UpstreamJob;
  /** Called as soon as the provider accepts the job, so it can be resumed after a restart. */
  onAccepted?: (upstream: UpstreamJob) => void;
  /** The API key's own credential for this provider (bring your own key), used instead of the platform's. */
  credential?: string;
}

/** A finished image. */
export interface GenerateResult {
  url: string;
  /** The provider's own id for the job, for logs. */
  providerJobId?: string;
}

/**
 * What every provider implements: one attempt at one image. It resolves with the image URL
 * or rejects with an OpenPixelsError of type PROVIDER_ERROR; anything else it throws is
 * treated as PROVIDER_ERROR. `signal` aborts on the attempt's timeout, the job's deadline or
 * shutdown, and an adapter should cancel the remote job (best effort) when it fires.
 */
export interface ProviderAdapter {
  readonly id: string;
  readonly models: readonly ModelId[];
  /** This provider's per-attempt timeout, when it differs from the server's. */
  readonly attemptTimeoutMs?: number;
  /** Whose credentials an API key may bring for it (fal, replicate); none for the local renderer or a test's adapter. */
  readonly kind?: 'fal' | 'replicate';
  generate(request: GenerateRequest, signal: AbortSignal): Promise<GenerateResult>;
  close?(): Promise<void>;
}

/** What every adapter's options share: its id, the models it may serve, its timeout. */
export interface AdapterIdentity {
  id: string;
  /** Restricts the kind's models to these (names or aliases); default: all of them. */
  models?: readonly string[];
  timeoutMs?: number;
  /** The largest answer read from this provider; a bigger one fails the attempt with PROVIDER_ERROR. */
  maxResponseBytes?: number;
}

/** The identity fields of an adapter: the kind's models, narrowed to `models` when given. */
export function adapterIdentity(identity: AdapterIdentity, kindModels: readonly ModelId[]) {
  const allowed = identity.models?.map((name) => resolveModel(name) ?? name);
  return {
    id: identity.id,
    models: allowed ? kindModels.filter((m) => allowed.includes(m)) : [...kindModels],
    ...(identity.timeoutMs === undefined ? {} : { attemptTimeoutMs: identity.timeoutMs }),
  };
}
