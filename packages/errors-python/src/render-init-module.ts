import { errorTypeNames } from '@openpixels/errors';
import { generatedHeader } from './generated-header.ts';
import { guardName } from './render-guards-module.ts';

const CATALOG_NAMES = [
  'CODE_DESCRIPTIONS',
  'CODE_STATUSES',
  'CODE_TYPES',
  'CODES_OF_TYPE',
  'DOC_URLS',
  'ERROR_CODES',
  'ERROR_REFERENCE_URL',
  'ERROR_TYPES',
  'REROUTABLE_CODES',
  'RETRYABLE_CODES',
  'TYPE_DESCRIPTIONS',
  'TYPE_STATUSES',
];

/** Writes `__init__.py`: the package's public names, envelope classes included. */
export function renderInitModule(classNames: Map<string, string>, contractVersion: string): string {
  const guards = [
    'has_error_code',
    'is_consistent_pair',
    'is_known_code',
    'is_known_type',
    'is_openpixels_error',
    ...errorTypeNames.map(guardName),
  ].sort();
  const classes = [...new Set(classNames.values())].sort();
  const exported = ['CONTRACT_VERSION', ...CATALOG_NAMES, ...guards, 'ENVELOPE_CLASSES', 'UnrecognizedErrorEnvelope', 'decode_error_envelope', ...classes];
  const importList = (names: string[]) => names.map((name) => `    ${name},`).join('\n');
  return [
    generatedHeader('@openpixels/errors'),
    '"""Types, tables and guards for the OpenPixels error envelope."""',
    '',
    `from .catalog import (\n${importList(CATALOG_NAMES)}\n)`,
    'from .decode import ENVELOPE_CLASSES, UnrecognizedErrorEnvelope, decode_error_envelope',
    `from .envelope import (\n${importList(classes)}\n)`,
    `from .guards import (\n${importList(guards)}\n)`,
    '',
    `CONTRACT_VERSION = ${JSON.stringify(contractVersion)}`,
    '"""The version of @openpixels/errors these files were generated from."""',
    '',
    `__all__ = [\n${exported.map((name) => `    ${JSON.stringify(name)},`).join('\n')}\n]`,
    '',
  ].join('\n');
}
