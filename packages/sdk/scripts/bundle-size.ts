import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** Sizes in bytes of one bundle, as an app would ship it. */
export interface BundleSize {
  minified: number;
  gzipped: number;
}

/**
 * Bundles `source` (an ES module importing what is measured, resolved from `resolveDir`) with
 * esbuild for the browser, minified, and gzips it at level 9.
 */
export async function bundleSize(source: string, resolveDir: string): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: source, resolveDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}
