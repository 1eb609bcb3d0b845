import { OpenPixels, type RunPayload } from 'openpixels';

const client = new OpenPixels();
const prompt = 'a paper boat on a rainy street';

// Only these providers may serve the job; if neither can, it fails.
const onlyTheseProviders: RunPayload = {
  model: 'flux-schnell',
  prompt,
  config: { routing: { whitelist: ['fal', 'replicate'] } },
};

// Try fal first, then replicate; if both are unhealthy, another
// provider may step in.
const preferTheseProviders: RunPayload = {
  model: 'flux-schnell',
  prompt,
  config: { routing: { ordering: ['fal', 'replicate'] } },
};

// No preference: spread jobs uniformly over the healthy providers.
const anyProvider: RunPayload = {
  model: 'flux-schnell',
  prompt,
  config: { routing: { strategy: 'random' } },
};

const payloads = {
  onlyTheseProviders,
  preferTheseProviders,
  anyProvider,
};
for (const [name, payload] of Object.entries(payloads)) {
  const result = await client.run(payload);
  if (!result.error) {
    console.log(`${name}: served ${result.data.url}`);
  } else if (result.error.code === 'NO_PROVIDERS_WORKING') {
    // Every attempt is listed, in the order the gateway made them.
    console.log(`${name}: every provider failed`);
    for (const { provider, code } of result.error.params.attempts) {
      console.log(`  tried ${provider}: ${code}`);
    }
  } else {
    console.log(`${name}: ${result.error.code}`);
  }
}
