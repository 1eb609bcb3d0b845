import type { ArgumentIssue } from '@openpixels/errors';

/** The parts of an ajv error this mapping reads. */
export interface SchemaError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
  parentSchema?: { properties?: Record<string, unknown> };
}

/**
 * Turns schema validation errors into INVALID_ARGUMENTS issues: one per bad field (the first
 * problem found for it), with the field's dotted path and a sentence a person can act on.
 * `part` prefixes paths outside the body (`headers.idempotency-key`, `query.wait_ms`).
 */
export function validationIssues(errors: readonly SchemaError[], part = 'body'): ArgumentIssue[] {
  const issues = new Map<string, string>();
  for (const error of errors) {
    const segments = error.instancePath
      .split('/')
      .slice(1)
      .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
    let message = describe(error);
    if (error.keyword === 'required') segments.push(String(error.params.missingProperty));
    if (error.keyword === 'additionalProperties') {
      segments.push(String(error.params.additionalProperty));
      const known = Object.keys(error.parentSchema?.properties ?? {});
      if (known.length > 0) message += ` (known fields: ${known.join(', ')})`;
    }
    const prefix = part === 'body' ? [] : [part === 'querystring' ? 'query' : part];
    const path = [...prefix, ...segments].join('.');
    if (!issues.has(path))
      issues.set(path, path === '' && error.keyword === 'type' ? 'the body must be a JSON object' : message);
  }
  return [...issues].map(([path, message]) => ({ path, message }));
}

function describe(error: SchemaError): string {
  const p = error.params;
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not a known field';
    case 'type':
      return `must be ${article(String(p.type))} ${p.type}`;
    case 'minimum':
      return `must be at least ${p.limit}`;
    case 'maximum':
      return `must be at most ${p.limit}`;
    case 'multipleOf':
      return `must be a multiple of ${p.multipleOf}`;
    case 'minLength':
      return p.limit === 1 ? 'must not be empty' : `must be at least ${p.limit} characters long`;
    case 'maxLength':
      return `must be at most ${p.limit} characters long`;
    case 'pattern':
      return p.pattern === '\\S' ? 'must not be blank' : `must match ${p.pattern}`;
    case 'enum':
      return `must be one of: ${(p.allowedValues as unknown[]).join(', ')}`;
    case 'minItems':
      return `must have at least ${p.limit} item${p.limit === 1 ? '' : 's'}`;
    case 'maxItems':
      return `must have at most ${p.limit} items`;
    case 'uniqueItems':
      return 'must not repeat an item';
    default:
      return error.message ?? 'is not valid';
  }
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}
