import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { errorCodes } from '@openpixels/errors';
import { envelopeClassNames } from './envelope-class-names.ts';
import { renderCatalogModule } from './render-catalog-module.ts';
import { renderDecodeModule } from './render-decode-module.ts';
import { renderEnvelopeModule } from './render-envelope-module.ts';
import { renderFixtures } from './render-fixtures.ts';
import { renderGuardsModule } from './render-guards-module.ts';
import { renderInitModule } from './render-init-module.ts';

const require = createRequire(import.meta.url);

/**
 * Every generated file, by its path inside this workspace. The same function feeds the
 * generator script and the drift test, so what is committed is what it would write now.
 */
export async function generatedFiles(): Promise<Record<string, string>> {
  const schemaText = readFileSync(require.resolve('@openpixels/errors/schema.json'), 'utf8');
  const manifest = JSON.parse(readFileSync(require.resolve('@openpixels/errors/package.json'), 'utf8')) as {
    version: string;
  };
  const envelopeModule = await renderEnvelopeModule(schemaText);
  const classNames = envelopeClassNames(envelopeModule, errorCodes);
  return {
    'openpixels_errors/__init__.py': renderInitModule(classNames, manifest.version),
    'openpixels_errors/catalog.py': renderCatalogModule(),
    'openpixels_errors/decode.py': renderDecodeModule(classNames),
    'openpixels_errors/envelope.py': envelopeModule,
    'openpixels_errors/guards.py': renderGuardsModule(),
    'openpixels_errors/error-envelope.schema.json': schemaText,
    'tests/fixtures/error-bodies.json': renderFixtures(),
  };
}
