import { docAnchor, type ErrorCode, errorCatalog, errorCodes } from '@openpixels/errors';
import {
  falErrorStatus,
  falFailedJobStatus,
  falStatusWordOf,
  RETRIED_BY_FAL_CLIENT,
} from '@openpixels/server/fal-error-answer';

/** What fal's client makes of a status: a ValidationError for fal's 422, else an ApiError, retried first where it retries. */
function falClientSees(status: number): string {
  const kind = status === 422 ? '`ValidationError`' : '`ApiError`';
  return RETRIED_BY_FAL_CLIENT.has(status) ? `${kind}, after fal's client has retried` : kind;
}

/** The extra field beside the envelope, if the code has one on the fal route. */
function extraOf(code: ErrorCode): string {
  const word = falStatusWordOf(code);
  if (word !== undefined) return `\`"status": "${word}"\``;
  return code === 'INVALID_ARGUMENTS' ? '`detail`: `[{ loc, msg, type }]` per issue' : '';
}

/**
 * The table, included in the "Migrate from fal" page, of what a fal app sees for every code:
 * the status the fal route sends when it refuses a request with it, the status when it is a
 * finished request's error (result, run), what fal's client throws, and fal's fields beside
 * the envelope. Read from the server's fal answer rules, so it cannot drift from them.
 */
export function renderFalErrorTable(referencePath: string): string {
  const lines = [
    '| Code | A call refused with it | `result` / `run` of a request that failed with it | Beside the envelope |',
    '| --- | --- | --- | --- |',
  ];
  for (const code of errorCodes) {
    const refused = falErrorStatus(code);
    const failed = falFailedJobStatus(code);
    const catalog = errorCatalog[code].status;
    const failedNote = failed === catalog ? '' : ` (catalog ${catalog})`;
    lines.push(
      `| [\`${code}\`](${referencePath}#${docAnchor(code)}) | ${refused}, ${falClientSees(refused)} | ${failed}${failedNote}, ${falClientSees(failed)} | ${extraOf(code)} |`,
    );
  }
  return lines.join('\n');
}
