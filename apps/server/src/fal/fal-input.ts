import { type ArgumentIssue, createError } from '@openpixels/errors';
import { submitBodySchema } from '@openpixels/wire';
import { Ajv } from 'ajv';
import { type SchemaError, validationIssues } from '../http/validation-issues.ts';

/** fal's named image sizes for FLUX, in pixels. */
export const falImageSizes = {
  square_hd: { width: 1024, height: 1024 },
  square: { width: 512, height: 512 },
  portrait_4_3: { width: 768, height: 1024 },
  portrait_16_9: { width: 576, height: 1024 },
  landscape_4_3: { width: 1024, height: 768 },
  landscape_16_9: { width: 1024, height: 576 },
} as const;

/** fal's FLUX default when `image_size` is left out. */
const DEFAULT_IMAGE_SIZE = 'landscape_4_3';

/**
 * Fields fal's FLUX endpoints take that a job here cannot honour, with why. They are refused
 * by name instead of dropped: an app that sends a seed expects that seed's image.
 */
const UNSUPPORTED_FIELDS: Record<string, string> = {
  seed: 'seeds are not supported: providers are not asked for a seed, so the same seed would not give the same image; leave it out',
  num_inference_steps: 'the number of steps is chosen by the provider; leave it out',
  guidance_scale: 'the guidance scale is chosen by the provider; leave it out',
  enable_safety_checker: 'whether a safety checker runs depends on the provider that serves the job; leave it out',
  output_format: "the format is the provider's (each image's content_type says which); leave it out",
  acceleration: 'the acceleration level is chosen by the provider; leave it out',
  safety_tolerance: 'the safety tolerance is chosen by the provider; leave it out',
  enhance_prompt: 'prompt enhancement is not offered; leave it out',
  loras: 'LoRAs are not supported; leave it out',
};

const side = submitBodySchema.properties.width;
const inputSchema = {
  type: 'object',
  required: ['prompt'],
  additionalProperties: false,
  properties: {
    prompt: submitBodySchema.properties.prompt,
    image_size: {
      anyOf: [
        { type: 'string', enum: Object.keys(falImageSizes) },
        {
          type: 'object',
          required: ['width', 'height'],
          additionalProperties: false,
          properties: { width: { ...side, default: undefined }, height: { ...side, default: undefined } },
        },
      ],
    },
    num_images: { type: 'integer', const: 1, description: 'One image per request.' },
    sync_mode: { type: 'boolean', const: false, description: 'Images are returned as URLs.' },
  },
};
const validate = new Ajv({ allErrors: true, verbose: true, strict: false }).compile(inputSchema);

/** What a fal input asks of a job. */
export interface FalJobInput {
  prompt: string;
  width: number;
  height: number;
}

/**
 * Reads a fal FLUX input into a job's prompt and size. Anything the route cannot honour is
 * refused with INVALID_ARGUMENTS naming each field, never silently dropped.
 */
export function readFalInput(body: unknown): FalJobInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw createError('INVALID_ARGUMENTS', { issues: [{ path: '', message: 'the input must be a JSON object' }] });
  }
  const issues: ArgumentIssue[] = [];
  const rest: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(body)) {
    const why = UNSUPPORTED_FIELDS[field];
    if (why !== undefined) issues.push({ path: field, message: why });
    else rest[field] = value;
  }
  if (!validate(rest)) issues.push(...explain(validate.errors as SchemaError[]));
  if (issues.length > 0) throw createError('INVALID_ARGUMENTS', { issues });

  const input = rest as { prompt: string; image_size?: keyof typeof falImageSizes | { width: number; height: number } };
  const size = input.image_size ?? DEFAULT_IMAGE_SIZE;
  const { width, height } = typeof size === 'string' ? falImageSizes[size] : size;
  return { prompt: input.prompt, width, height };
}

/** Schema issues in the API's wording, with plain sentences where the generic one says little. */
function explain(errors: SchemaError[]): ArgumentIssue[] {
  return validationIssues(errors).map((issue) => {
    const plain = PLAIN_MESSAGES[issue.path];
    return plain === undefined ? issue : { path: issue.path, message: plain };
  });
}

const PLAIN_MESSAGES: Record<string, string> = {
  image_size: `must be one of ${Object.keys(falImageSizes).join(', ')}, or { width, height } with each a multiple of 8 from 256 to 2048`,
  num_images: 'must be 1: a request makes one image',
  sync_mode: 'must be false: images are returned as URLs, not data URIs',
};
