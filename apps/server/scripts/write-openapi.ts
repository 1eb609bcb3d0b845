// Writes openapi.json from the routes as the server registers them: `pnpm --filter @openpixels/server openapi`.
// A test fails when the committed file and the served document drift apart.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../src/server.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'openpixels-openapi-'));
const server = await startServer({ port: 0, dataDir, logLevel: 'silent' });
try {
  const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as Record<string, unknown>;
  delete document.servers;
  const path = fileURLToPath(new URL('../openapi.json', import.meta.url));
  writeFileSync(path, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`wrote ${path}`);
} finally {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
