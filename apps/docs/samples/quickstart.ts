import { OpenPixels } from 'openpixels';

// Reads the key from OPENPIXELS_API_KEY and the server's address
// from OPENPIXELS_BASE_URL.
const client = new OpenPixels();

const result = await client.run({
  model: 'flux-dev',
  prompt: 'a red fox asleep in fresh snow, watercolor',
  width: 512,
  height: 512,
});

if (result.error) {
  console.error(`${result.error.code}: ${result.error.message}`);
  process.exitCode = 1;
} else {
  console.log(`Image ready: ${result.data.url}`);
}
