import { isNetworkError, isTimeoutError, OpenPixels } from 'openpixels';

// Or new OpenPixels('sk-op-…'); without a key, the client reads
// OPENPIXELS_API_KEY (and OPENPIXELS_BASE_URL) from the environment.
const client = new OpenPixels();

/** The image's URL, or undefined after telling the user why not. */
async function generateImage(prompt: string) {
  try {
    const result = await client.run({ model: 'flux-dev', prompt });
    if (result.error) {
      // The API answered with an error: a value, not an exception.
      console.error(`Generation failed: ${result.error.message}`);
      if (result.error.code === 'NO_CREDITS') {
        const { required, available } = result.error.params;
        console.error(`Top up: need ${required}, have ${available}.`);
      }
      return undefined;
    }
    return result.data.url;
  } catch (error) {
    // Only a call that never got an answer throws.
    if (isTimeoutError(error)) {
      console.error('OpenPixels took too long; try again later.');
    } else if (isNetworkError(error)) {
      console.error('Could not reach OpenPixels; check your network.');
    } else {
      throw error;
    }
    return undefined;
  }
}

const url = await generateImage('a lighthouse at dawn, oil painting');
if (url) console.log(`Generated image: ${url}`);
