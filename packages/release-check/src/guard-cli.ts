// `pnpm --filter @openpixels/release-check guard`, run by `pnpm release` before publishing.
import { fileURLToPath } from 'node:url';
import { guardRelease } from './guard-release.ts';

const verdict = await guardRelease(fileURLToPath(new URL('../../../', import.meta.url)));
console.log(verdict.message);
process.exitCode = verdict.ok ? 0 : 1;
