import { createError } from '@openpixels/errors';

/** INVALID_ARGUMENTS with one issue, whose message is the error's message too (so a CLI can print it as is). */
export function invalidArgument(path: string, message: string) {
  return createError('INVALID_ARGUMENTS', { issues: [{ path, message }] }, { message });
}
