import {
  hasErrorCode,
  isOpenPixelsError,
  OpenPixels,
} from 'openpixels';

const client = new OpenPixels();

try {
  // With throwOnError, run() resolves only with an image and throws
  // any API error.
  const { data } = await client.run(
    { model: 'flux-dev', prompt: 'a bonsai in a glass dome' },
    { throwOnError: true },
  );
  console.log(`Image: ${data.url}`);
} catch (error) {
  if (hasErrorCode(error, 'NO_CREDITS')) {
    console.error(`Out of credits: ${error.params.available} left.`);
  } else if (isOpenPixelsError(error)) {
    console.error(`${error.code}: ${error.message}`);
  } else {
    throw error; // a network failure, timeout or abort
  }
  process.exitCode = 1;
}
