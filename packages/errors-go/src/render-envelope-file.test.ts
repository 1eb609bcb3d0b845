import { describe, expect, it } from 'vitest';
import type { PropertySchema } from './envelope-schema.ts';
import { renderEnvelopeFile } from './render-envelope-file.ts';

const envelope = (params: Record<string, PropertySchema>) => ({
  definitions: {
    ThingParams: { type: 'object' as const, properties: params, required: Object.keys(params) },
  },
});

describe('renderEnvelopeFile', () => {
  it('maps schema types to Go types, pointers for optional scalars', () => {
    const go = renderEnvelopeFile({
      definitions: {
        ThingParams: {
          type: 'object',
          properties: { count: { type: 'integer' }, note: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } },
          required: ['count'],
        },
      },
    });
    expect(go).toContain('Count int64 `json:"count"`');
    expect(go).toContain('Note *string `json:"note,omitempty"`');
    expect(go).toContain('Tags []string `json:"tags,omitempty"`');
    expect(go).toContain('requireField(fields, what, "count", &out.Count)');
    expect(go).toContain('optionalField(fields, what, "note", &out.Note)');
  });

  it('refuses schema constructs it cannot decode exactly, instead of guessing', () => {
    expect(() => renderEnvelopeFile(envelope({ when: { type: 'object' } }))).toThrow('ThingParams.when: the Go generator does not support type object');
    expect(() => renderEnvelopeFile(envelope({ list: { type: 'array' } }))).toThrow('an array needs items');
  });
});
