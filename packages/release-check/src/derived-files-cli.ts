// `pnpm --filter @openpixels/release-check derived`, run first by `pnpm release`: refuses to
// go on when any committed derived file is not what the source generates.
import { fileURLToPath } from 'node:url';
import { checkDerivedFiles } from './check-derived-files.ts';

const check = checkDerivedFiles(fileURLToPath(new URL('../../../', import.meta.url)));
console.log(check.message);
process.exitCode = check.ok ? 0 : 1;
