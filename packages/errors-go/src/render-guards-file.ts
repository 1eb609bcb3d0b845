import { errorTypeNames } from '@openpixels/errors';
import { goHeader } from './go-header.ts';
import { goName } from './go-name.ts';
import { goType } from './render-catalog-file.ts';

/** The Go guard of a type: `PROVIDER_ERROR` → `IsProviderError`. */
export function goGuardName(type: string): string {
  return `Is${goName(type)}`;
}

/** Writes `guards.go`: the Envelope interface, `IsOpenPixelsError`, one guard per type, `HasErrorCode`. */
export function renderGuardsFile(): string {
  const typeGuards = errorTypeNames.flatMap((type) => [
    '',
    `// ${goGuardName(type)} reports whether err is, or wraps, an OpenPixels error of type ${type}`,
    '// (also for codes newer than this package).',
    `func ${goGuardName(type)}(err error) bool { return isOfType(err, ${goType(type)}) }`,
  ]);
  return [
    goHeader('the errorCatalog of @openpixels/errors'),
    'package openpixelserrors',
    '',
    'import "errors"',
    '',
    '// Envelope is an OpenPixels error envelope: the generated type of a known code, or an',
    '// UnrecognizedEnvelope for a code this version does not know. Every envelope is a Go error.',
    'type Envelope interface {',
    '\terror',
    '\t// ErrorType is the broad category.',
    '\tErrorType() ErrorType',
    '\t// ErrorCode is the exact error.',
    '\tErrorCode() ErrorCode',
    '\t// ErrorMessage is the human-readable message.',
    '\tErrorMessage() string',
    '}',
    '',
    '// AsEnvelope finds the envelope in err\'s chain (as errors.As does), if there is one.',
    'func AsEnvelope(err error) (Envelope, bool) {',
    '\tvar envelope Envelope',
    '\tif err == nil || !errors.As(err, &envelope) {',
    '\t\treturn nil, false',
    '\t}',
    '\treturn envelope, true',
    '}',
    '',
    '// IsOpenPixelsError reports whether err is, or wraps, an OpenPixels error envelope, including',
    '// a newer server\'s code under a known type.',
    'func IsOpenPixelsError(err error) bool {',
    '\tenvelope, ok := AsEnvelope(err)',
    '\treturn ok && consistentPair(envelope.ErrorType(), envelope.ErrorCode())',
    '}',
    '',
    '// HasErrorCode reports whether err is, or wraps, an envelope with exactly this known code',
    '// under its own type.',
    'func HasErrorCode(err error, code ErrorCode) bool {',
    '\tenvelope, ok := AsEnvelope(err)',
    '\tentry, known := Catalog[code]',
    '\treturn ok && known && envelope.ErrorCode() == code && envelope.ErrorType() == entry.Type',
    '}',
    '',
    'func isOfType(err error, errorType ErrorType) bool {',
    '\tenvelope, ok := AsEnvelope(err)',
    '\treturn ok && envelope.ErrorType() == errorType && consistentPair(errorType, envelope.ErrorCode())',
    '}',
    ...typeGuards,
    '',
  ].join('\n');
}
