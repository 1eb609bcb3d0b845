// Measures what importing the package costs a browser bundle: esbuild bundles a one-line entry
// against the built ESM file, minifies it, and we gzip the result. Prints a Markdown table.
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const entryFile = fileURLToPath(new URL('../dist/index.js', import.meta.url));

const cases: Array<[label: string, imports: string]> = [
  ['`import { isProviderError }`', 'isProviderError'],
  ['`import { hasErrorCode }`', 'hasErrorCode'],
  ['`import { decodeErrorEnvelope }`', 'decodeErrorEnvelope'],
  ['`import { createError }`', 'createError'],
  ['whole package (`import * as errors`)', '*'],
];

/** Bundles one import of the package and returns its minified and gzipped sizes in bytes. */
async function measure(imports: string): Promise<{ min: number; gzip: number }> {
  const contents =
    imports === '*'
      ? `import * as errors from ${JSON.stringify(entryFile)}; globalThis.keep = errors;`
      : `import { ${imports} } from ${JSON.stringify(entryFile)}; globalThis.keep = ${imports};`;
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { min: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}

console.log('| import | min | min+gzip |');
console.log('| --- | ---: | ---: |');
for (const [label, imports] of cases) {
  const { min, gzip } = await measure(imports);
  console.log(`| ${label} | ${min} B | ${gzip} B |`);
}
