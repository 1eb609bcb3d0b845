/** The error `parseJsonBody` gives a body holding a key that could rewrite an object's prototype. */
export const FORBIDDEN_JSON_KEY = 'OP_FORBIDDEN_JSON_KEY';

/**
 * Parses a request body as JSON, for Fastify's content-type parser. Like Fastify's own it
 * refuses `__proto__` and `constructor.prototype` keys (merged into an object later, they
 * could change its prototype), but it says so (FORBIDDEN_JSON_KEY) instead of calling the
 * body "not valid JSON". Errors carry Fastify's codes, so error-response maps them in one place.
 */
export function parseJsonBody(text: string): unknown {
  if (text.length === 0)
    throw Object.assign(new Error('empty body'), { code: 'FST_ERR_CTP_EMPTY_JSON_BODY', statusCode: 400 });
  let value: unknown;
  try {
    // JSON.parse makes "__proto__" an own property, never the prototype, so parsing first is safe.
    value = JSON.parse(text);
  } catch {
    throw Object.assign(new Error('invalid JSON'), { code: 'FST_ERR_CTP_INVALID_JSON_BODY', statusCode: 400 });
  }
  // Only a body that mentions either name can hold one; most bodies skip the walk.
  if ((text.includes('__proto__') || text.includes('prototype')) && hasForbiddenKey(value)) {
    throw Object.assign(new Error('forbidden key'), { code: FORBIDDEN_JSON_KEY, statusCode: 400 });
  }
  return value;
}

function hasForbiddenKey(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some(hasForbiddenKey);
  if (Object.hasOwn(value, '__proto__')) return true;
  const ctor = (value as Record<string, unknown>).constructor;
  if (
    Object.hasOwn(value, 'constructor') &&
    typeof ctor === 'object' &&
    ctor !== null &&
    Object.hasOwn(ctor, 'prototype')
  ) {
    return true;
  }
  return Object.values(value).some(hasForbiddenKey);
}
