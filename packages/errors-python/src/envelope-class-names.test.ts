import { describe, expect, it } from 'vitest';
import { envelopeClassNames } from './envelope-class-names.ts';

const MODULE = [
  '@dataclass',
  'class InvalidAPIKeyEnvelope:',
  '    """INVALID_API_KEY (AUTHENTICATION_ERROR, HTTP 401): The API key provided is not valid."""',
  '',
  '@dataclass',
  'class NoCreditsParams:',
  '    """Context that depends on the code."""',
  '',
  '@dataclass',
  'class NoCreditsEnvelope:',
  '    """NO_CREDITS (BILLING_ERROR, HTTP 402): User has insufficient credits for the requested',
  '    operation.',
  '    """',
].join('\n');

describe('envelopeClassNames', () => {
  it('reads each code’s class from its docstring, whatever casing quicktype chose', () => {
    expect(envelopeClassNames(MODULE, ['INVALID_API_KEY', 'NO_CREDITS'])).toEqual(
      new Map([
        ['INVALID_API_KEY', 'InvalidAPIKeyEnvelope'],
        ['NO_CREDITS', 'NoCreditsEnvelope'],
      ]),
    );
  });

  it('fails loudly when a code has no class', () => {
    expect(() => envelopeClassNames(MODULE, ['NO_CREDITS', 'RATE_LIMITED'])).toThrow(
      'quicktype generated no envelope class for RATE_LIMITED',
    );
  });
});
