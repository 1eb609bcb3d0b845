export {
  ConfigError,
  loadConfig,
  type ProviderConfig,
  type ProviderKind,
  resolveConfig,
  type ServerConfig,
  type ServerOptions,
} from './config.ts';
export {
  type RunningServer,
  type StartServerOptions,
  startServer,
} from './server.ts';
export type {
  ProviderAdapter,
  GenerateRequest,
  GenerateResult,
} from './providers/provider-adapter.ts';
