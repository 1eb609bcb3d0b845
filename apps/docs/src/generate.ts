// Run before `vitepress dev` and `vitepress build`: the generated pages are never committed.
import { fileURLToPath } from 'node:url';
import { GENERATED_FILES, writeGeneratedFiles } from './write-generated-files.ts';

await writeGeneratedFiles(fileURLToPath(new URL('..', import.meta.url)));
console.log(`docs: generated ${Object.values(GENERATED_FILES).join(', ')}`);
