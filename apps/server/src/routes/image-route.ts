import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createError } from '@openpixels/errors';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps.ts';

const IMAGE_FILE = /^(job_[0-9a-f]{32})\.png$/;

/**
 * `GET /v2/images/:file`: the local provider's pictures. No key is needed: like a storage
 * URL from fal or Replicate, the link itself (80 random bits of job id) is the permission.
 */
export function registerImageRoute(app: FastifyInstance, deps: AppDeps): void {
  app.get(
    '/v2/images/:file',
    {
      schema: {
        summary: 'Download an image made by the local provider',
        tags: ['jobs'],
        params: {
          type: 'object',
          required: ['file'],
          properties: {
            file: {
              type: 'string',
              description: "`{job id}.png`, as in the job result's URL.",
            },
          },
        },
        response: {
          200: {
            description: 'The PNG.',
            content: {
              'image/png': { schema: { type: 'string', format: 'binary' } },
            },
          },
        },
      },
      config: { errorCodes: ['JOB_NOT_FOUND'] },
    },
    async (request, reply) => {
      const { file } = request.params as { file: string };
      const match = IMAGE_FILE.exec(file);
      if (!match) throw createError('JOB_NOT_FOUND', { id: file.replace(/\.png$/, '') });
      const path = join(deps.imagesDir, file);
      const info = await stat(path).catch(() => undefined);
      if (!info?.isFile()) throw createError('JOB_NOT_FOUND', { id: match[1] as string });
      return reply
        .type('image/png')
        .header('content-length', String(info.size))
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('x-content-type-options', 'nosniff')
        .send(createReadStream(path));
    },
  );
}
