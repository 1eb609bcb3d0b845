import { OpenPixels } from 'openpixels';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ContractServer, startContractServer } from './contract-server.ts';

// The JavaScript example of the public error-handling page, copied as written. Only the key
// changed (a real one from this gateway); the base URL comes from OPENPIXELS_BASE_URL.
function seedExample(key: string) {
  const client = new OpenPixels(key);

  async function generateImage() {
    try {
      const result = await client.run({
        model: 'flux-dev',
        prompt: 'a beautiful sunset over the ocean',
      });

      if (result.error) {
        // Handle error from the result object
        console.error(`Generation failed: ${result.error.message}`);

        if (result.error.code === 'NO_CREDITS') {
          console.error('You need to purchase more credits to continue.');
        }
        return;
      }

      // Process successful response
      console.log('Generated image:', result.data);
    } catch (error) {
      // Handle unexpected errors (network issues, etc.)
      console.error('Unexpected error:', error);
    }
  }

  return generateImage;
}

let gateway: ContractServer;
const savedBaseUrl = process.env.OPENPIXELS_BASE_URL;

beforeAll(async () => {
  gateway = await startContractServer();
  process.env.OPENPIXELS_BASE_URL = gateway.url;
});

afterAll(async () => {
  if (savedBaseUrl === undefined) delete process.env.OPENPIXELS_BASE_URL;
  else process.env.OPENPIXELS_BASE_URL = savedBaseUrl;
  await gateway?.close();
});

afterEach(() => {
  vi.restoreAllMocks();
});

function captureConsole() {
  const lines: unknown[][] = [];
  vi.spyOn(console, 'log').mockImplementation((...args) => void lines.push(['log', ...args]));
  vi.spyOn(console, 'error').mockImplementation((...args) => void lines.push(['error', ...args]));
  return lines;
}

describe('the seed example', () => {
  it('prints the generated image with a funded key', async () => {
    const generateImage = seedExample(await gateway.keyWith(100));
    const lines = captureConsole();
    await generateImage();
    expect(lines).toEqual([['log', 'Generated image:', expect.objectContaining({ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\//) })]]);
  });

  it('takes the NO_CREDITS branch with an empty key', async () => {
    const generateImage = seedExample(await gateway.keyWith(0));
    const lines = captureConsole();
    await generateImage();
    expect(lines).toEqual([
      ['error', expect.stringMatching(/^Generation failed: .*credits/)],
      ['error', 'You need to purchase more credits to continue.'],
    ]);
  });

  it('takes the result.error branch, not the catch, for a bad key', async () => {
    const generateImage = seedExample(`sk-op-${'x'.repeat(32)}`);
    const lines = captureConsole();
    await generateImage();
    expect(lines).toEqual([['error', expect.stringMatching(/^Generation failed: /)]]);
  });
});
