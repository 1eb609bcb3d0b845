// `pnpm start`: reads the configuration from the environment, starts the server, prints a
// demo key on a local-only server, and shuts down gracefully on SIGTERM or Ctrl-C.
import { ConfigError, loadConfig } from './config.ts';
import { DatabaseUnusableError } from './store/postgres/database-unusable-error.ts';
import { DataDirUnusableError } from './store/sqlite/data-dir-unusable-error.ts';
import { startServer } from './server.ts';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`openpixels: ${error.message}`);
    process.exit(2);
  }
  throw error;
}

let server: Awaited<ReturnType<typeof startServer>> | undefined;
let demoKey: string | undefined;
try {
  server = await startServer(config);
  if (config.demoKey.enabled) {
    // A fresh demo key each start: keys are stored only as hashes, so an old one cannot be shown again.
    for (const record of await server.keys.list())
      if (record.name === 'demo' && record.revokedAt === null) await server.keys.revoke(record.id, Date.now());
    demoKey = (await server.createApiKey({ credits: config.demoKey.credits, name: 'demo' })).key;
  }
} catch (error) {
  // The PostgreSQL store throws it already shaped (a data dir fault stays the data dir's below).
  if (error instanceof DatabaseUnusableError) {
    console.error(
      `openpixels: cannot start: ${error.message}. Check OPENPIXELS_DATABASE_URL and that the database is up.`,
    );
    process.exit(2);
  }
  const unusable = DataDirUnusableError.from(error, config.dataDir);
  if (!unusable) throw error;
  // One line an operator can act on, naming the setting; no stack (nothing here is a bug).
  console.error(
    `openpixels: cannot start: ${unusable.message}. Set OPENPIXELS_DATA_DIR to a writable directory with free space, or fix this one.`,
  );
  process.exit(2);
}
const lines = [`OpenPixels listening on ${server.url} (providers: ${config.providers.map((p) => p.id).join(', ')})`];
if (demoKey !== undefined) {
  const key = demoKey;
  lines.push(
    `Demo API key (${config.demoKey.credits} credits; replaced on every start): ${key}`,
    'Try it:',
    `  curl -s ${server.url}/v2/submit -H 'Authorization: Key ${key}' -H 'Content-Type: application/json' \\`,
    `    -d '{"model":"flux-schnell","prompt":"a lighthouse at dusk","width":512,"height":512}'`,
    `  curl -s ${server.url}/v2/poll/<id> -H 'Authorization: Key ${key}'`,
  );
}
console.log(lines.join('\n'));

let stopping = false;
const stop = (signal: string) => {
  if (stopping) {
    console.error(`openpixels: ${signal} again, exiting without waiting`);
    process.exit(1);
  }
  stopping = true;
  server.app.log.info({ signal }, 'shutdown requested');
  // Past the drain budget plus a margin, something is stuck: leave rather than hang forever.
  setTimeout(() => process.exit(1), config.shutdownTimeoutMs + 15_000).unref();
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      server.app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    },
  );
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
