import { errorCatalog, errorCodes, errorTypeNames } from '@openpixels/errors';
import { describe, expect, it } from 'vitest';
import { findUnknownCodeNames } from './find-unknown-code-names.ts';

describe('findUnknownCodeNames', () => {
  it('accepts every catalog code and type, and the client environment variables', () => {
    const text = `${errorCodes.join(' ')} ${errorTypeNames.join(', ')} OPENPIXELS_API_KEY=sk OPENPIXELS_BASE_URL`;
    expect(findUnknownCodeNames(text)).toEqual([]);
  });

  it("accepts fal's status words, and still names a code misspelt after one", () => {
    expect(findUnknownCodeNames('IN_QUEUE, IN_PROGRESS, CANCELLATION_REQUESTED, ALREADY_COMPLETED, NOT_FOUND')).toEqual([]);
    expect(findUnknownCodeNames('JOB_NOT_FOUND and JOB_NOTFOUND')).toEqual(['JOB_NOTFOUND']);
  });

  it('names a misspelt or invented code once, wherever it appears', () => {
    const text = "if (error.code === 'NO_CREDIT') retry(); see `PROVIDER_EXPLODED` and NO_CREDIT again";
    expect(findUnknownCodeNames(text)).toEqual(['NO_CREDIT', 'PROVIDER_EXPLODED']);
  });

  it('does not mistake a longer word that contains a code for the code', () => {
    const [code] = Object.keys(errorCatalog);
    expect(findUnknownCodeNames(`${code}_V2`)).toEqual([`${code}_V2`]);
  });

  it('ignores ordinary words and single upper-case words', () => {
    expect(findUnknownCodeNames('HTTP 402 means JSON from the API; snake_case is lower case')).toEqual([]);
  });
});
