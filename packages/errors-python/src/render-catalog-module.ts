import {
  codesOfType,
  docUrl,
  ERROR_REFERENCE_URL,
  errorCatalog,
  errorCodes,
  errorTypeNames,
  errorTypes,
} from '@openpixels/errors';
import { generatedHeader } from './generated-header.ts';
import { pythonLiteral } from './python-literal.ts';

/** Writes `catalog.py`: the tables of types and codes, read from the TypeScript catalog. */
export function renderCatalogModule(): string {
  const perCode = <T>(pick: (code: (typeof errorCodes)[number]) => T) =>
    Object.fromEntries(errorCodes.map((code) => [code, pick(code)]));
  const perType = <T>(pick: (type: (typeof errorTypeNames)[number]) => T) =>
    Object.fromEntries(errorTypeNames.map((type) => [type, pick(type)]));
  const tables: Array<[name: string, annotation: string, doc: string, value: string]> = [
    ['ERROR_REFERENCE_URL', 'str', 'The error reference page; each code is an anchor on it.', pythonLiteral(ERROR_REFERENCE_URL)],
    ['ERROR_TYPES', 'Tuple[str, ...]', 'The six broad error types, in the public page order.', `(\n${lines(errorTypeNames)})`],
    ['ERROR_CODES', 'Tuple[str, ...]', 'Every error code, in catalog order.', `(\n${lines(errorCodes)})`],
    ['TYPE_STATUSES', 'Dict[str, int]', 'The HTTP status to assume for an unknown code of each type.', block(perType((t) => errorTypes[t].status))],
    ['TYPE_DESCRIPTIONS', 'Dict[str, str]', 'One line per type, as in the error reference.', block(perType((t) => errorTypes[t].description))],
    ['CODE_TYPES', 'Dict[str, str]', 'The type of each code.', block(perCode((c) => errorCatalog[c].type))],
    ['CODE_STATUSES', 'Dict[str, int]', 'The HTTP status each code answers a request with.', block(perCode((c) => errorCatalog[c].status))],
    ['CODE_DESCRIPTIONS', 'Dict[str, str]', 'One line per code, as in the error reference.', block(perCode((c) => errorCatalog[c].description))],
    ['CODES_OF_TYPE', 'Dict[str, Tuple[str, ...]]', 'The codes of each type, in catalog order.', `{\n${errorTypeNames.map((t) => `    ${pythonLiteral(t)}: ${tuple(codesOfType(t))},\n`).join('')}}`],
    ['RETRYABLE_CODES', 'FrozenSet[str]', 'Codes where the same request may succeed if sent again later.', frozenset(errorCodes.filter((c) => errorCatalog[c].retryable))],
    ['REROUTABLE_CODES', 'FrozenSet[str]', 'Codes after which the gateway may move a job to another provider.', frozenset(errorCodes.filter((c) => errorCatalog[c].reroutable))],
    ['DOC_URLS', 'Dict[str, str]', 'The `doc_url` each code carries.', block(perCode((c) => docUrl(c)))],
  ];
  const body = tables.map(([name, annotation, doc, value]) => `${name}: ${annotation} = ${value}\n"""${doc}"""\n`);
  return [
    generatedHeader('the errorCatalog of @openpixels/errors'),
    '"""The OpenPixels error taxonomy as plain tables."""',
    '',
    'from typing import Dict, FrozenSet, Tuple',
    '',
    body.join('\n'),
  ].join('\n');
}

// Tables are written one entry per line, so a catalog change shows as a one-line diff.
function block(table: Record<string, unknown>): string {
  return `{\n${Object.entries(table).map(([key, value]) => `    ${pythonLiteral(key)}: ${pythonLiteral(value)},\n`).join('')}}`;
}

function lines(items: readonly string[]): string {
  return items.map((item) => `    ${pythonLiteral(item)},\n`).join('');
}

function tuple(items: readonly string[]): string {
  return items.length === 1 ? `(${pythonLiteral(items[0])},)` : `(${items.map(pythonLiteral).join(', ')})`;
}

function frozenset(items: readonly string[]): string {
  return `frozenset({\n${lines(items)}})`;
}
