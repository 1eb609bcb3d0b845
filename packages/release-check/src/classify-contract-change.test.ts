import { type ErrorCode, errorCodes } from '@openpixels/errors';
import { describe, expect, it } from 'vitest';
import { classifyContractChange } from './classify-contract-change.ts';
import { type Contract, EMPTY_CONTRACT, type JsonSchema } from './contract.ts';
import { readContract } from './read-contract.ts';

const released = await readContract();

// Each case edits a copy of the real contract, the way a catalog or params edit would show up.
function changed(edit: (contract: Contract) => void): Contract {
  const copy = structuredClone(released);
  edit(copy);
  return copy;
}

// Typed by ErrorCode so that renaming a code the cases edit fails the type check, not a case.
function code(contract: Contract, name: ErrorCode) {
  const entry = contract.codes[name];
  if (entry === undefined) throw new Error(`no ${name} in the contract`);
  return entry;
}

function property(params: JsonSchema, name: string): JsonSchema {
  return (params.properties as Record<string, JsonSchema>)[name] as JsonSchema;
}

describe('classifyContractChange', () => {
  it('finds nothing when the contract is unchanged', () => {
    expect(classifyContractChange(released, structuredClone(released))).toEqual({ bump: 'none', reasons: [] });
  });

  it('calls a removed code major', () => {
    const removed = errorCodes.at(-1) as ErrorCode;
    const verdict = classifyContractChange(released, changed((c) => delete c.codes[removed]));
    expect(verdict.bump).toBe('major');
    expect(verdict.reasons).toEqual([`major: code ${removed} removed: clients matching on it stop matching`]);
  });

  it('calls a renamed code major and names the likely new name', () => {
    const verdict = classifyContractChange(
      released,
      changed((c) => {
        c.codes.NOT_ENOUGH_CREDITS = code(c, 'NO_CREDITS');
        delete c.codes.NO_CREDITS;
      }),
    );
    expect(verdict.bump).toBe('major');
    expect(verdict.reasons).toContain(
      'major: code NO_CREDITS removed (renamed to NOT_ENOUGH_CREDITS?): clients matching on it stop matching',
    );
    expect(verdict.reasons).toContain('minor: new code NOT_ENOUGH_CREDITS');
  });

  it('calls a retyped code major', () => {
    const verdict = classifyContractChange(
      released,
      changed((c) => {
        code(c, 'MODEL_UNAVAILABLE').type = 'PROVIDER_ERROR';
      }),
    );
    expect(verdict).toEqual({
      bump: 'major',
      reasons: ['major: code MODEL_UNAVAILABLE retyped: AVAILABILITY_ERROR → PROVIDER_ERROR'],
    });
  });

  it('calls a changed HTTP status major', () => {
    const verdict = classifyContractChange(
      released,
      changed((c) => {
        code(c, 'UNKNOWN_MODEL').status = 400;
      }),
    );
    expect(verdict).toEqual({ bump: 'major', reasons: ['major: code UNKNOWN_MODEL: HTTP status 404 → 400'] });
  });

  it('calls a new required param major', () => {
    const verdict = classifyContractChange(
      released,
      changed((c) => {
        const params = code(c, 'NO_CREDITS').params;
        (params.properties as Record<string, JsonSchema>).currency = { type: 'string' };
        (params.required as string[]).push('currency');
      }),
    );
    expect(verdict).toEqual({
      bump: 'major',
      reasons: ['major: NO_CREDITS.params.currency: new required field (existing callers do not send it)'],
    });
  });

  it('calls a removed param major', () => {
    const verdict = classifyContractChange(
      released,
      changed((c) => {
        const params = code(c, 'UNKNOWN_MODEL').params;
        delete (params.properties as Record<string, JsonSchema>).available;
        params.required = ['model'];
      }),
    );
    expect(verdict).toEqual({ bump: 'major', reasons: ['major: UNKNOWN_MODEL.params.available: removed'] });
  });

  it('calls a narrowed param type major', () => {
    const before = changed((c) => {
      property(code(c, 'PROVIDER_HTTP_ERROR').params, 'status').type = 'number';
    });
    const verdict = classifyContractChange(before, released);
    expect(verdict).toEqual({
      bump: 'major',
      reasons: ['major: PROVIDER_HTTP_ERROR.params.status: narrowed (number → integer)'],
    });
  });

  it('calls a string param narrowed to an enum major', () => {
    const verdict = classifyContractChange(
      released,
      changed((c) => {
        property(code(c, 'PROVIDER_ERROR').params, 'provider').enum = ['fal', 'replicate'];
      }),
    );
    expect(verdict.bump).toBe('major');
    expect(verdict.reasons).toEqual(['major: PROVIDER_ERROR.params.provider: narrowed (string → enum)']);
  });

  it('calls a widened param type major too, since clients read params', () => {
    const verdict = classifyContractChange(
      released,
      changed((c) => {
        property(code(c, 'NO_CREDITS').params, 'required').type = 'number';
      }),
    );
    expect(verdict.reasons).toEqual(['major: NO_CREDITS.params.required: widened (integer → number)']);
  });

  it('sees a change inside nested params', () => {
    const verdict = classifyContractChange(
      released,
      changed((c) => {
        const attempts = property(code(c, 'NO_PROVIDERS_WORKING').params, 'attempts');
        const attempt = attempts.items as JsonSchema;
        delete (attempt.properties as Record<string, JsonSchema>).message;
        attempt.required = ['provider', 'code'];
      }),
    );
    expect(verdict).toEqual({
      bump: 'major',
      reasons: ['major: NO_PROVIDERS_WORKING.params.attempts[].message: removed'],
    });
  });

  it('calls a param that became optional major', () => {
    const verdict = classifyContractChange(
      released,
      changed((c) => {
        code(c, 'RATE_LIMITED').params.required = [];
      }),
    );
    expect(verdict.reasons).toEqual([
      'major: RATE_LIMITED.params.retry_after_ms: became optional (readers may find it missing)',
    ]);
  });

  it('calls a new code minor', () => {
    const verdict = classifyContractChange(
      released,
      changed((c) => {
        c.codes.CONTENT_BLOCKED = { ...code(c, 'INVALID_ARGUMENTS'), description: 'The prompt was refused' };
      }),
    );
    expect(verdict).toEqual({ bump: 'minor', reasons: ['minor: new code CONTENT_BLOCKED'] });
  });

  it('calls a new optional param minor, also on a code that had no params', () => {
    const verdict = classifyContractChange(
      released,
      changed((c) => {
        const params = code(c, 'MISSING_API_KEY').params;
        delete params.additionalProperties;
        Object.assign(params, { properties: { header: { type: 'string' } }, additionalProperties: false });
      }),
    );
    expect(verdict).toEqual({ bump: 'minor', reasons: ['minor: MISSING_API_KEY.params.header: new optional field'] });
  });

  it('calls a changed retry policy minor', () => {
    const verdict = classifyContractChange(
      released,
      changed((c) => {
        code(c, 'PROVIDER_JOB_ERROR').retryable = true;
      }),
    );
    expect(verdict).toEqual({ bump: 'minor', reasons: ['minor: code PROVIDER_JOB_ERROR: retryable false → true'] });
  });

  it('calls a description-only change patch', () => {
    const verdict = classifyContractChange(
      released,
      changed((c) => {
        code(c, 'JOB_NOT_FOUND').description = 'No job with this id belongs to this API key';
        property(code(c, 'JOB_NOT_FOUND').params, 'id').description = 'The job id from the submit answer.';
        c.types.BILLING_ERROR = { status: 402, description: 'Credits and payment' };
      }),
    );
    expect(verdict).toEqual({
      bump: 'patch',
      reasons: [
        'patch: error type BILLING_ERROR: description changed',
        'patch: code JOB_NOT_FOUND: description changed',
        'patch: JOB_NOT_FOUND.params.id: description changed',
      ],
    });
  });

  it('sees a change to the fields every envelope shares', () => {
    const verdict = classifyContractChange(
      released,
      changed((c) => {
        if (c.envelope === null) throw new Error('the released contract has an envelope');
        delete (c.envelope.properties as Record<string, JsonSchema>).doc_url;
      }),
    );
    expect(verdict).toEqual({ bump: 'major', reasons: ['major: envelope.doc_url: removed'] });
  });

  it('orders reasons from the largest bump down and reports the largest', () => {
    const verdict = classifyContractChange(
      released,
      changed((c) => {
        code(c, 'JOB_NOT_FOUND').description = 'Reworded';
        c.codes.CONTENT_BLOCKED = code(c, 'INVALID_ARGUMENTS');
        code(c, 'NO_CREDITS').status = 403;
      }),
    );
    expect(verdict.bump).toBe('major');
    expect(verdict.reasons.map((reason) => reason.split(':')[0])).toEqual(['major', 'minor', 'patch']);
  });

  it('treats a first release as adding every type and code', () => {
    const verdict = classifyContractChange(EMPTY_CONTRACT, released);
    expect(verdict.bump).toBe('minor');
    expect(verdict.reasons).toContain('minor: new code NO_CREDITS');
    expect(verdict.reasons).toContain('minor: new error type BILLING_ERROR');
    expect(verdict.reasons.filter((reason) => reason.startsWith('minor: new code'))).toHaveLength(
      Object.keys(released.codes).length,
    );
  });
});
