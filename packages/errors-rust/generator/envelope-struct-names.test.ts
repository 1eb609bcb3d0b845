import { describe, expect, it } from 'vitest';
import { envelopeStructNames } from './envelope-struct-names.ts';

const MODULE = [
  '/// NO_CREDITS (BILLING_ERROR, HTTP 402): User has insufficient credits for the requested',
  '/// operation.',
  '#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]',
  'pub struct NoCreditsEnvelope {',
  '}',
  '',
  '/// Context that depends on the code.',
  '#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]',
  'pub struct NoCreditsParams {',
].join('\n');

describe('envelopeStructNames', () => {
  it('reads each code’s struct from its doc comment', () => {
    expect(envelopeStructNames(MODULE, ['NO_CREDITS'])).toEqual(new Map([['NO_CREDITS', 'NoCreditsEnvelope']]));
  });

  it('fails loudly when a code has no struct', () => {
    expect(() => envelopeStructNames(MODULE, ['NO_CREDITS', 'RATE_LIMITED'])).toThrow('no envelope struct for RATE_LIMITED');
  });
});
