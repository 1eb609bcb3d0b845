import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
  // Neutral: the client must run unchanged in Node, browsers, Deno, Bun and edge runtimes.
  platform: 'neutral',
  treeshake: true,
});
