// Measures what the client costs a browser bundle: the SDK with @openpixels/errors, bundled by
// esbuild (minified, for the browser) and gzipped, next to the published openpixels@0.2.1 and
// the dependencies it installs (cross-fetch, lodash), measured the same way. Installs the old
// client into a temp dir from the npm registry, so run it by hand or via `pnpm bench`, never in tests.
// `--write` also replaces the table between the bundle-size markers of README.md.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_BUDGET_BYTES, bundleSize } from './bundle-size.ts';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const errorsDir = join(packageDir, 'node_modules', '@openpixels', 'errors');

interface Row {
  what: string;
  minified: number | undefined;
  gzipped: number | undefined;
  installed: number | undefined;
  note: string;
}

/** Bytes on disk of a file or folder, following nothing outside it. */
function diskSize(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + diskSize(join(path, name)), 0);
}

/** Bytes a user installs for a package: the files its package.json publishes. */
function publishedSize(dir: string): number {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { files: string[] };
  return ['package.json', ...manifest.files].filter((f) => existsSync(join(dir, f))).reduce((sum, f) => sum + diskSize(join(dir, f)), 0);
}

function npmInstall(prefix: string, specs: string[]): boolean {
  try {
    execFileSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--no-save', '--silent', ...specs], {
      stdio: 'ignore',
      timeout: 300_000,
    });
    return true;
  } catch {
    return false;
  }
}

async function measure(): Promise<Row[]> {
  if (!existsSync(join(packageDir, 'dist', 'index.js')) || !existsSync(join(errorsDir, 'dist', 'index.js'))) {
    throw new Error('Build first: pnpm --filter @openpixels/errors --filter openpixels build');
  }
  const rows: Row[] = [];
  const sdkInstalled = publishedSize(packageDir) + publishedSize(errorsDir);
  const whole = await bundleSize(`export * from ${JSON.stringify(join(packageDir, 'dist', 'index.js'))};`, packageDir);
  rows.push({ what: 'openpixels (this package), everything it exports', ...whole, installed: sdkInstalled, note: 'with @openpixels/errors' });
  const client = await bundleSize(
    `export { OpenPixels } from ${JSON.stringify(join(packageDir, 'dist', 'index.js'))};`,
    packageDir,
  );
  rows.push({ what: 'openpixels (this package), `OpenPixels` only', ...client, installed: undefined, note: 'what the seed example ships' });

  const temp = mkdtempSync(join(tmpdir(), 'openpixels-021-'));
  try {
    if (npmInstall(temp, ['openpixels@0.2.1'])) {
      const old = await bundleSize(`export { OpenPixels } from 'openpixels';`, temp);
      rows.push({ what: 'openpixels@0.2.1 (published)', ...old, installed: diskSize(join(temp, 'node_modules')), note: 'its entry, deps included' });
    } else {
      rows.push({
        what: 'openpixels@0.2.1 (published)',
        minified: undefined,
        gzipped: undefined,
        installed: undefined,
        note: 'not installable from the registry this ran against; its declared deps below',
      });
    }
    const depsDir = join(temp, 'deps');
    if (npmInstall(depsDir, ['cross-fetch@^4.1.0', 'lodash@^4.17.21'])) {
      const crossFetch = await bundleSize(`export { default } from 'cross-fetch';`, depsDir);
      rows.push({ what: 'cross-fetch ^4.1.0 (imported by 0.2.1)', ...crossFetch, installed: undefined, note: 'browser build' });
      const lodash = await bundleSize(`export { default } from 'lodash';`, depsDir);
      rows.push({ what: 'lodash ^4.17.21 (declared by 0.2.1)', ...lodash, installed: undefined, note: 'whole library' });
      const both = await bundleSize(`export { default as f } from 'cross-fetch'; export { default as l } from 'lodash';`, depsDir);
      rows.push({
        what: 'cross-fetch + lodash (0.2.1 install footprint)',
        ...both,
        installed: diskSize(join(depsDir, 'node_modules')),
        note: 'both deps, as installed',
      });
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  return rows;
}

const kb = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${(bytes / 1024).toFixed(2)} KB`);

function table(rows: Row[]): string {
  const lines = [
    '| bundle | min | min+gzip | installed on disk | note |',
    '| --- | ---: | ---: | ---: | --- |',
    ...rows.map((r) => `| ${r.what} | ${kb(r.minified)} | ${kb(r.gzipped)} | ${kb(r.installed)} | ${r.note} |`),
  ];
  return lines.join('\n');
}

const rows = await measure();
const output = table(rows);
console.log(output);
const ours = rows[0]?.gzipped ?? Number.POSITIVE_INFINITY;
console.log(`\nSDK + errors min+gzip: ${ours} bytes; target <= ${BUNDLE_BUDGET_BYTES} bytes: ${ours <= BUNDLE_BUDGET_BYTES ? 'met' : 'MISSED'}`);
if (process.argv.includes('--write')) {
  const readmePath = join(packageDir, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const start = '<!-- bundle-size:start -->';
  const end = '<!-- bundle-size:end -->';
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error('README.md has no bundle-size markers');
  const measured = `${start}\n${output}\n\nMeasured ${new Date().toISOString().slice(0, 10)} with esbuild (bundle, minify, browser, ES2022) and gzip -9, Node ${process.versions.node}.\n`;
  writeFileSync(readmePath, readme.slice(0, from) + measured + readme.slice(to));
}
if (ours > BUNDLE_BUDGET_BYTES) process.exitCode = 1;
