import { OpenPixels } from 'openpixels';

// The key alone…
export const client = new OpenPixels(
  'sk-op-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
);

// …or options; every option but the key has a default.
export const sameClient = new OpenPixels({
  apiKey: 'sk-op-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
});
