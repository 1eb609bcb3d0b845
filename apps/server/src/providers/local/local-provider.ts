import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { modelIds } from '../../models/model-catalog.ts';
import {
  type AdapterIdentity,
  adapterIdentity,
  type GenerateRequest,
  type GenerateResult,
  type ProviderAdapter,
} from '../provider-adapter.ts';
import { RenderPool } from './render-pool.ts';

export interface LocalProviderOptions extends AdapterIdentity {
  /** Where rendered PNGs are written; the images route serves them from here. */
  imagesDir: string;
  /** Base URL of this server, for the image URL (known once the server listens). */
  publicUrl: () => string;
  /** Extra wait before rendering, to imitate a real provider's latency. */
  delayMs: number;
  renderThreads: number;
}

/** The path an image of a job is served at. */
export function localImagePath(jobId: string): string {
  return `/v2/images/${jobId}.png`;
}

/**
 * The built-in provider: renders a picture derived from the prompt (see renderPromptImage),
 * stores it in the data dir and answers with this server's URL for it. It serves every model.
 */
export function createLocalProvider(options: LocalProviderOptions): ProviderAdapter {
  mkdirSync(options.imagesDir, { recursive: true });
  const pool = new RenderPool(options.renderThreads);
  return {
    ...adapterIdentity(options, modelIds),
    async generate(request: GenerateRequest, signal: AbortSignal): Promise<GenerateResult> {
      if (options.delayMs > 0) await sleep(options.delayMs, undefined, { signal });
      const png = await pool.render(request.prompt, request.width, request.height, signal);
      await writeFile(join(options.imagesDir, `${request.jobId}.png`), png, {
        signal,
      });
      return { url: `${options.publicUrl()}${localImagePath(request.jobId)}` };
    },
    close: () => pool.close(),
  };
}
