import { OpenPixels, type RunPayload } from 'openpixels';

const client = new OpenPixels();
const prompt = 'a paper boat on a rainy street';

// Only these providers may serve the job: if neither can, the job fails.
const onlyTheseProviders: RunPayload = {
  model: 'flux-schnell',
  prompt,
  config: { routing: { whitelist: ['fal', 'replicate'] } },
};

// Try fal first, then replicate; if both are unhealthy, another provider may step in.
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

const payloads = { onlyTheseProviders, preferTheseProviders, anyProvider };
for (const [name, payload] of Object.entries(payloads)) {
  const result = await client.run(payload);
  if (!result.error) {
    console.log(`${name}: served ${result.data.url}`);
  } else if (result.error.code === 'NO_PROVIDERS_WORKING') {
    // Every reroute is listed, in the order the gateway tried the providers.
    console.log(`${name}: every provider failed`);
    for (const attempt of result.error.params.attempts) console.log(`  tried ${attempt.provider}: ${attempt.code}`);
  } else {
    console.log(`${name}: ${result.error.code}`);
  }
}
