import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { errorCodes } from '@openpixels/errors';
import { envelopeStructNames } from './envelope-struct-names.ts';
import { renderCatalogModule } from './render-catalog-module.ts';
import { renderDecodeModule } from './render-decode-module.ts';
import { renderEnvelopeModule } from './render-envelope-module.ts';
import { renderGuardsModule } from './render-guards-module.ts';
import { renderLibModule } from './render-lib-module.ts';

const require = createRequire(import.meta.url);

/**
 * Every generated file, by its path inside this workspace. The same function feeds the
 * generator script and the drift test, so what is committed is what it would write now.
 */
export async function generatedFiles(): Promise<Record<string, string>> {
  const schemaText = readFileSync(require.resolve('@openpixels/errors/schema.json'), 'utf8');
  const manifest = JSON.parse(readFileSync(require.resolve('@openpixels/errors/package.json'), 'utf8')) as { version: string };
  const envelopeModule = await renderEnvelopeModule(schemaText);
  return {
    'src/catalog.rs': renderCatalogModule(manifest.version),
    'src/decode.rs': renderDecodeModule(envelopeStructNames(envelopeModule, errorCodes)),
    'src/envelope.rs': envelopeModule,
    'src/guards.rs': renderGuardsModule(),
    'src/lib.rs': renderLibModule(),
  };
}
