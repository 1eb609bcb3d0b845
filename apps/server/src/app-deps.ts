import type { KeyAdmin } from './admin/key-admin.ts';
import type { ServerConfig } from './config.ts';
import type { JobEvents } from './jobs/job-events.ts';
import type { JobRunner } from './jobs/job-runner.ts';
import type { SubmitHold } from './jobs/submit-hold.ts';
import type { OwnProviderKeys } from './keys/own-provider-keys.ts';
import type { RateLimiter } from './limits/rate-limiter.ts';
import type { GatewayMetrics } from './metrics/gateway-metrics.ts';
import type { ProviderAdapter } from './providers/provider-adapter.ts';
import type { ProviderHealth } from './routing/provider-health.ts';
import type { JobStore, KeyStore } from './store/store.ts';

/** What the routes work with; built once by startServer. */
export interface AppDeps {
  config: ServerConfig;
  keys: KeyStore;
  jobs: JobStore;
  runner: JobRunner;
  events: JobEvents;
  /** How long a submit without `wait_ms` holds its answer, learned from this process's finishes. */
  submitHold: SubmitHold;
  health: ProviderHealth;
  providers: readonly ProviderAdapter[];
  imagesDir: string;
  /** Set when shutdown begins: new work is refused with SERVICE_UNAVAILABLE. */
  lifecycle: { draining: boolean };
  metrics: GatewayMetrics;
  rateLimiter: RateLimiter;
  /** The provider credentials keys bring (bring your own key). */
  ownProviderKeys: OwnProviderKeys;
  /** The operator's key operations, for the admin API. */
  admin: KeyAdmin;
}
