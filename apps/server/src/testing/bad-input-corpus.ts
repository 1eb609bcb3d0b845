import fc from 'fast-check';

// The fuzz corpus of bad requests, shared by the fuzz tests: values of every JSON kind, text
// past the prompt limit, bodies that are almost a submit, bytes that are not text at all,
// and the content types and headers a confused client sends.

/** One field's value: any JSON kind, including text far over any limit. */
export const badField = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
  fc.string({ minLength: 4_001, maxLength: 20_000 }),
);

/** A request body as sent: near-submits, random objects, any JSON, any text, raw bytes. */
export const badBody = fc.oneof(
  fc
    .record(
      {
        model: fc.oneof(badField, fc.constantFrom('flux-dev', 'flux-schnell', 'flux-1.1-pro', 'FLUX-DEV')),
        prompt: badField,
        width: fc.oneof(badField, fc.integer({ min: -10_000, max: 10_000 })),
        height: badField,
        config: fc.oneof(
          badField,
          fc.record(
            {
              routing: fc.record({ whitelist: badField, ordering: badField, strategy: badField }, { requiredKeys: [] }),
            },
            { requiredKeys: [] },
          ),
        ),
      },
      { requiredKeys: [] },
    )
    .map((record) => JSON.stringify(record)),
  fc.dictionary(fc.string({ maxLength: 12 }), badField, { maxKeys: 6 }).map((record) => JSON.stringify(record)),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
);

/** Headers of a request with a body: content types right and wrong, odd idempotency keys and request ids. */
export const badHeaders = fc.record(
  {
    'content-type': fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'text/plain',
      'application/xml',
      'multipart/form-data',
      '',
    ),
    'idempotency-key': fc.oneof(fc.string({ maxLength: 300 }), fc.constant('x'.repeat(256))),
    'x-request-id': fc.string({ maxLength: 100 }),
  },
  { requiredKeys: ['content-type'] },
);

/** A path segment or query value: any text, URL-encoded so it reaches the server as sent. */
export const badSegment = fc.oneof(
  fc.string({ maxLength: 120 }),
  fc.constantFrom('', '..', '%', 'job_', `job_${'f'.repeat(32)}`, 'x'.repeat(2_000)),
);

/** Headers as a fetch sends them: values fetch itself refuses to send are left out. */
export function safeHeaders(record: Record<string, string>): Headers {
  const result = new Headers();
  for (const [name, value] of Object.entries(record)) {
    try {
      result.set(name, value);
    } catch {}
  }
  return result;
}
