// `pnpm --filter @openpixels/errors-go generate`: writes the Go module's generated files from the
// built @openpixels/errors.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedFiles } from './generated-files.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
for (const [path, text] of Object.entries(generatedFiles())) {
  writeFileSync(join(root, path), text);
  console.log(`errors-go: wrote ${path}`);
}
