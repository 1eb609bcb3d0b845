import { isNetworkError, isTimeoutError, OpenPixels } from 'openpixels';

const client = new OpenPixels({ apiKey: process.env.OPENPIXELS_API_KEY ?? 'sk-op-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' });

/** Generates one image and returns its URL, or undefined after telling the user why not. */
async function generateImage(prompt: string): Promise<string | undefined> {
  try {
    const result = await client.run({ model: 'flux-dev', prompt });
    if (result.error) {
      // The API answered, with an error: a value to inspect, not an exception.
      console.error(`Generation failed: ${result.error.message}`);
      if (result.error.code === 'NO_CREDITS') {
        const { required, available } = result.error.params;
        console.error(`Buy credits to continue: this image costs ${required} and you have ${available}.`);
      }
      return undefined;
    }
    return result.data.url;
  } catch (error) {
    // Only a call that never got an answer throws.
    if (isTimeoutError(error)) console.error('OpenPixels took too long; try again later.');
    else if (isNetworkError(error)) console.error('Could not reach OpenPixels; check your connection.');
    else throw error;
    return undefined;
  }
}

const url = await generateImage('a lighthouse at dawn, oil painting');
if (url) console.log(`Generated image: ${url}`);
