import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { jobStatuses } from './job-statuses.ts';
import { aliasesOf, modelIds, modelNames } from './model-ids.ts';
import { submitBodySchema } from './submit-body-schema.ts';

// The schemas are what the server validates with (ajv through fastify): they must compile
// strictly and fill in the defaults the server's types (`SubmitBody`) count on.

const ajv = new Ajv({
  strict: true,
  useDefaults: true,
  allErrors: true,
});

describe('the submit body', () => {
  const validate = ajv.compile(submitBodySchema);

  it('accepts a minimal body and fills in width, height and the routing strategy', () => {
    const body: Record<string, unknown> = {
      model: 'flux-dev',
      prompt: 'a fox',
      config: { routing: {} },
    };
    expect(validate(body)).toBe(true);
    expect(body).toEqual({
      model: 'flux-dev',
      prompt: 'a fox',
      width: 1024,
      height: 1024,
      config: { routing: { strategy: 'best' } },
    });
  });

  it('refuses what the wire does not allow', () => {
    for (const bad of [
      { model: 'flux-dev' },
      { model: 'flux-dev', prompt: '   ' },
      { model: 'flux-dev', prompt: 'a', width: 1000 + 1 },
      { model: 'flux-dev', prompt: 'a', extra: true },
      {
        model: 'flux-dev',
        prompt: 'a',
        config: { routing: { strategy: 'cheapest' } },
      },
      {
        model: 'flux-dev',
        prompt: 'a',
        config: { routing: { whitelist: [] } },
      },
    ]) {
      expect(validate(structuredClone(bad)), JSON.stringify(bad)).toBe(false);
    }
  });

  it('names every accepted model in its description', () => {
    for (const name of modelNames) expect(submitBodySchema.properties.model.description).toContain(name);
  });
});

describe('model names and statuses', () => {
  it('has every alias point at a canonical id, and no name twice', () => {
    expect(new Set(modelNames).size).toBe(modelNames.length);
    expect(modelIds.flatMap((id) => aliasesOf(id)).sort()).toEqual(
      modelNames.filter((name) => !modelIds.includes(name as never)).sort(),
    );
  });

  it('has no status twice', () => {
    expect(new Set(jobStatuses).size).toBe(jobStatuses.length);
  });
});
