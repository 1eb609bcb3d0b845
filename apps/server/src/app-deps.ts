import type { ServerConfig } from './config.ts';
import type { JobEvents } from './jobs/job-events.ts';
import type { JobRunner } from './jobs/job-runner.ts';
import type { JobStore } from './jobs/job-store.ts';
import type { ApiKeyStore } from './keys/api-key-store.ts';
import type { ProviderAdapter } from './providers/provider-adapter.ts';
import type { ProviderHealth } from './routing/provider-health.ts';

/** What the routes work with; built once by startServer. */
export interface AppDeps {
  config: ServerConfig;
  keys: ApiKeyStore;
  jobs: JobStore;
  runner: JobRunner;
  events: JobEvents;
  health: ProviderHealth;
  providers: readonly ProviderAdapter[];
  imagesDir: string;
  /** Set when shutdown begins: new work is refused with SERVICE_UNAVAILABLE. */
  lifecycle: { draining: boolean };
}
