import { build } from 'vite';

/** A package entry from node_modules, bundled by vite as one classic script that defines `window[globalName]`. */
export async function bundleBrowserScript(entry: string, globalName: string): Promise<string> {
  const built = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: false, lib: { entry, formats: ['iife'], name: globalName, fileName: () => `${globalName}.js` } },
  });
  const [output] = Array.isArray(built) ? built : [built];
  const chunk = (output as { output: { type: string; code?: string }[] }).output.find((c) => c.type === 'chunk');
  if (!chunk?.code) throw new Error(`vite produced no bundle of ${entry}`);
  return chunk.code;
}
