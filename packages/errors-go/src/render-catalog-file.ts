import { codesOfType, docAnchor, docUrl, ERROR_REFERENCE_URL, errorCatalog, errorCodes, errorTypeNames, errorTypes } from '@openpixels/errors';
import { goHeader } from './go-header.ts';
import { goName } from './go-name.ts';

/** The Go constant of a code: `NO_CREDITS` → `CodeNoCredits`. */
export function goCode(code: string): string {
  return `Code${goName(code)}`;
}

/** The Go constant of a type: `PROVIDER_ERROR` → `TypeProviderError`. */
export function goType(type: string): string {
  return `Type${goName(type)}`;
}

const q = JSON.stringify;

/** Writes `catalog.go`: the types, codes and the catalog's facts about each, from the TypeScript catalog. */
export function renderCatalogFile(contractVersion: string): string {
  const typeConstants = errorTypeNames.map((type) => `\t${goType(type)} ErrorType = ${q(type)}`);
  const codeConstants = errorCodes.map((code) => `\t${goCode(code)} ErrorCode = ${q(code)}`);
  const entries = errorCodes.map((code) => {
    const entry = errorCatalog[code];
    return [
      `\t${goCode(code)}: {`,
      `\t\tType: ${goType(entry.type)},`,
      `\t\tStatus: ${entry.status},`,
      `\t\tRetryable: ${entry.retryable},`,
      `\t\tReroutable: ${entry.reroutable},`,
      `\t\tAddition: ${entry.addition},`,
      `\t\tDescription: ${q(entry.description)},`,
      `\t\tDocAnchor: ${q(docAnchor(code))},`,
      `\t\tDocURL: ${q(docUrl(code))},`,
      '\t},',
    ].join('\n');
  });
  const types = errorTypeNames.map((type) =>
    [
      `\t${goType(type)}: {`,
      `\t\tStatus: ${errorTypes[type].status},`,
      `\t\tDescription: ${q(errorTypes[type].description)},`,
      `\t\tCodes: []ErrorCode{${codesOfType(type).map(goCode).join(', ')}},`,
      '\t},',
    ].join('\n'),
  );
  return [
    goHeader('the errorCatalog of @openpixels/errors'),
    'package openpixelserrors',
    '',
    '// ContractVersion is the version of @openpixels/errors these files were generated from.',
    `const ContractVersion = ${q(contractVersion)}`,
    '',
    '// ErrorReferenceURL is the error reference page; each code is an anchor on it.',
    `const ErrorReferenceURL = ${q(ERROR_REFERENCE_URL)}`,
    '',
    '// ErrorType is one of the six broad categories of error.',
    'type ErrorType string',
    '',
    '// The error types, in the order of the public error page.',
    'const (',
    ...typeConstants,
    ')',
    '',
    '// ErrorCode is an exact error; a newer server may send codes this version does not list.',
    'type ErrorCode string',
    '',
    '// The error codes this version knows, in catalog order.',
    'const (',
    ...codeConstants,
    ')',
    '',
    '// ErrorTypes lists the six types in the order of the public error page.',
    `var ErrorTypes = []ErrorType{${errorTypeNames.map(goType).join(', ')}}`,
    '',
    '// ErrorCodes lists every known code in catalog order.',
    `var ErrorCodes = []ErrorCode{${errorCodes.map(goCode).join(', ')}}`,
    '',
    '// CatalogEntry is what the catalog says about one code.',
    'type CatalogEntry struct {',
    '\t// Type is the code\'s broad category.',
    '\tType ErrorType',
    '\t// Status is the HTTP status the error answers a request with.',
    '\tStatus int',
    '\t// Retryable says whether the same request may succeed if sent again later.',
    '\tRetryable bool',
    '\t// Reroutable says whether the gateway may move the job to another provider after this error.',
    '\tReroutable bool',
    '\t// Addition marks codes this contract adds to the public error page.',
    '\tAddition bool',
    '\t// Description is the one line the error reference shows.',
    '\tDescription string',
    '\t// DocAnchor is the code\'s anchor on the error reference page.',
    '\tDocAnchor string',
    '\t// DocURL is the doc_url the code\'s envelopes carry.',
    '\tDocURL string',
    '}',
    '',
    '// Catalog holds the facts of every known code.',
    'var Catalog = map[ErrorCode]CatalogEntry{',
    ...entries,
    '}',
    '',
    '// TypeEntry is what the catalog says about one type.',
    'type TypeEntry struct {',
    '\t// Status is the HTTP status to assume for a code of this type that this version does not know.',
    '\tStatus int',
    '\t// Description is the one line the error reference shows.',
    '\tDescription string',
    '\t// Codes are the type\'s known codes, in catalog order.',
    '\tCodes []ErrorCode',
    '}',
    '',
    '// Types holds the facts of every type.',
    'var Types = map[ErrorType]TypeEntry{',
    ...types,
    '}',
    '',
    '// Known reports whether this version of the catalog lists the code.',
    'func (c ErrorCode) Known() bool {',
    '\t_, ok := Catalog[c]',
    '\treturn ok',
    '}',
    '',
    '// Known reports whether the type is one of the six.',
    'func (t ErrorType) Known() bool {',
    '\t_, ok := Types[t]',
    '\treturn ok',
    '}',
    '',
    '// StatusOf is the HTTP status of a code, or of its type when this version does not know the code.',
    'func StatusOf(errorType ErrorType, code ErrorCode) int {',
    '\tif entry, ok := Catalog[code]; ok {',
    '\t\treturn entry.Status',
    '\t}',
    '\treturn Types[errorType].Status',
    '}',
    '',
    '// consistentPair is true for a known code under its own type, or a newer code under a known type.',
    'func consistentPair(errorType ErrorType, code ErrorCode) bool {',
    '\tif !errorType.Known() || code == "" {',
    '\t\treturn false',
    '\t}',
    '\tentry, ok := Catalog[code]',
    '\treturn !ok || entry.Type == errorType',
    '}',
    '',
  ].join('\n');
}
