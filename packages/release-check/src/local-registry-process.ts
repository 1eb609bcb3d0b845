// The throwaway npm registry a release rehearsal publishes to, run as its own process so the
// test can stop it by PID: Verdaccio with its storage and users in the folder given as the only
// argument, no uplink (nothing is fetched from or forwarded to a public registry), listening on
// a free port of 127.0.0.1. Prints `registry listening on <url>` once it accepts requests.
import { join } from 'node:path';
import { runServer } from 'verdaccio';

const dir = process.argv[2];
if (dir === undefined) throw new Error('usage: node local-registry-process.ts <storage-dir>');

const server = await runServer({
  self_path: dir,
  storage: join(dir, 'storage'),
  auth: { htpasswd: { file: join(dir, 'htpasswd'), max_users: 1 } },
  uplinks: {},
  packages: { '**': { access: '$all', publish: '$authenticated', unpublish: '$authenticated' } },
  log: { type: 'stdout', format: 'json', level: 'error' },
  web: { enable: false },
} as unknown as Parameters<typeof runServer>[0]);
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  console.log(`registry listening on http://127.0.0.1:${port}/`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
