import { ApiError, fal } from '@fal-ai/client';
import { hasErrorCode, isProviderError } from '@openpixels/errors';

// Your fal code stays as it is. Only the configuration changes:
// your OpenPixels key, and fal's hosts rewritten to the gateway.
const base =
  process.env.OPENPIXELS_BASE_URL ?? 'https://worker.openpixels.ai';
fal.config({
  credentials: process.env.OPENPIXELS_API_KEY,
  requestMiddleware: async (request) => ({
    ...request,
    url: request.url
      .replace('https://queue.fal.run/', `${base}/fal/queue/`)
      .replace('https://fal.run/', `${base}/fal/run/`),
  }),
});

try {
  const { data, requestId } = await fal.subscribe('fal-ai/flux/dev', {
    input: {
      prompt: 'a lighthouse at dusk, oil painting',
      image_size: 'square_hd',
    },
  });
  const url = data.images[0]?.url;
  console.log(`Image ready: ${url} (request ${requestId})`);
} catch (error) {
  // fal's client throws ApiError; its body is the error envelope.
  if (!(error instanceof ApiError)) throw error;
  console.error(`HTTP ${error.status}: ${error.message}`);
  if (hasErrorCode(error.body, 'NO_CREDITS')) {
    const { required, available } = error.body.params;
    console.error(`Top up: need ${required}, have ${available}.`);
  } else if (isProviderError(error.body)) {
    console.error(`The provider failed: ${error.body.code}`);
  }
}
