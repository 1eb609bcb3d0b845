import { errorCodes } from '@openpixels/errors';
import { describe, expect, it } from 'vitest';
import { renderFalErrorTable } from './render-fal-error-table.ts';

const rows = renderFalErrorTable('./reference/errors').split('\n').slice(2);
const rowOf = (code: string) => rows.find((row) => row.startsWith(`| [\`${code}\`]`)) ?? '';

describe('renderFalErrorTable', () => {
  it('has one row per code, in catalog order', () => {
    expect(rows.map((row) => /^\| \[`([A-Z_]+)`\]/.exec(row)?.[1])).toEqual([...errorCodes]);
  });

  it("gives INVALID_ARGUMENTS fal's 422 and ValidationError, with detail beside the envelope", () => {
    expect(rowOf('INVALID_ARGUMENTS')).toMatch(/^\| \S+ \| 422, `ValidationError` \|.*`detail`/);
  });

  it("sends a failed request's retried statuses as 500 on result, and says what the catalog has", () => {
    expect(rowOf('PROVIDER_TIMEOUT')).toContain("| 504, `ApiError`, after fal's client has retried | 500 (catalog 504), `ApiError` |");
    expect(rowOf('NO_CREDITS')).toContain('| 402, `ApiError` | 402, `ApiError` |');
  });

  it("names fal's cancel status words", () => {
    expect(rowOf('JOB_ALREADY_FINISHED')).toContain('`"status": "ALREADY_COMPLETED"`');
    expect(rowOf('JOB_NOT_FOUND')).toContain('`"status": "NOT_FOUND"`');
  });
});
